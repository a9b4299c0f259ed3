package dev.ovid.model.metrics.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.model.metrics.CurveSeries;
import dev.ovid.model.metrics.PrecisionRecallCurve;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class MetricPlotsTest {

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  static List<String> texts(Document doc, String cssClass) {
    List<String> out = new ArrayList<>();
    NodeList nodes = doc.getElementsByTagName("text");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      if (cssClass.equals(e.getAttribute("class"))) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  static PrecisionRecallCurve randomCurve() {
    Random rnd = new Random(3);
    double[] s = new double[3000];
    boolean[] y = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      y[i] = rnd.nextDouble() < 0.25;
      s[i] = Math.round((rnd.nextDouble() * 0.7 + (y[i] ? 0.3 : 0)) * 1000) / 1000.0;
    }
    return PrecisionRecallCurve.of(s, y);
  }

  @Test
  void prCurveIsWellFormedSvgWithUnitAxesAndPeakMarker() throws Exception {
    CurveSeries pr = randomCurve().prSeries(200);
    Document doc = parse(MetricPlots.precisionRecall(pr, "PR <YT-8M> & Kinetics"));
    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals(
        "PR <YT-8M> & Kinetics", doc.getElementsByTagName("title").item(0).getTextContent());
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), texts(doc, "xtick"));
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), texts(doc, "ytick"));
    assertEquals(List.of("recall"), texts(doc, "xlabel"));
    assertEquals(List.of("precision"), texts(doc, "ylabel"));
    Element line = (Element) doc.getElementsByTagName("polyline").item(0);
    assertEquals(pr.size(), line.getAttribute("points").split(" ").length);
    assertEquals(1, doc.getElementsByTagName("circle").getLength());
  }

  @Test
  void f1PlotMarksPeakValue() throws Exception {
    PrecisionRecallCurve c = randomCurve();
    Document doc = parse(MetricPlots.f1VsThreshold(c.f1Series(150), "F1"));
    String label = texts(doc, "marker-label").get(0);
    assertTrue(
        label.startsWith(String.format(java.util.Locale.ROOT, "F1 %.3f", c.peakF1().f1())), label);
  }

  @Test
  void lossCurveTicksCoverTheSteps() throws Exception {
    long[] steps = new long[120];
    double[] loss = new double[120];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = i * 10L;
      loss[i] = 2.5 * Math.exp(-i / 30.0) + 0.1;
    }
    Document doc = parse(MetricPlots.lossCurve(steps, loss, "training loss"));
    List<String> xt = texts(doc, "xtick");
    assertEquals("0", xt.get(0));
    assertTrue(Double.parseDouble(xt.get(xt.size() - 1)) <= 1190);
    assertTrue(xt.size() >= 4 && xt.size() <= 12, xt.toString());
    Element line = (Element) doc.getElementsByTagName("polyline").item(0);
    assertEquals(120, line.getAttribute("points").split(" ").length);
  }
}
