package dev.ovid.web.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.run.LossSample;
import dev.ovid.web.ui.charts.LossCurveSvg;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class LossCurveSvgTest {

  private static Document parse(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static double[][] points(Document doc) {
    Element line = (Element) doc.getElementsByTagName("polyline").item(0);
    String[] pairs = line.getAttribute("points").trim().split(" ");
    double[][] out = new double[pairs.length][];
    for (int i = 0; i < pairs.length; i++) {
      String[] xy = pairs[i].split(",");
      out[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
    }
    return out;
  }

  @Test
  void drawsOnePointPerSampleLeftToRightWithLowerLossHigherUp() throws Exception {
    Document doc =
        parse(
            LossCurveSvg.render(
                List.of(new LossSample(0, 2.0), new LossSample(5, 1.0), new LossSample(10, 0.5))));
    double[][] p = points(doc);
    assertEquals(3, p.length);
    assertTrue(p[0][0] < p[1][0] && p[1][0] < p[2][0], "x grows with the step");
    // SVG y points down: a falling loss is drawn with growing y.
    assertTrue(p[0][1] < p[1][1] && p[1][1] < p[2][1], "falling loss goes down the plot");
    assertEquals("svg", doc.getDocumentElement().getLocalName());
  }

  @Test
  void skipsNonFiniteLossesAndLabelsTheRange() throws Exception {
    String svg =
        LossCurveSvg.render(
            List.of(new LossSample(1, 3.0), new LossSample(2, Double.NaN), new LossSample(3, 1.5)));
    assertEquals(2, points(parse(svg)).length);
    assertTrue(svg.contains(">3.000<"), svg);
    assertTrue(svg.contains(">1.500<"), svg);
  }

  @Test
  void saysSoWhenThereIsNoLossYet() throws Exception {
    Document doc = parse(LossCurveSvg.render(List.of()));
    assertEquals(0, doc.getElementsByTagName("polyline").getLength());
    assertTrue(doc.getDocumentElement().getTextContent().contains("no loss recorded yet"));
  }

  @Test
  void aFlatCurveStillFitsThePlot() throws Exception {
    double[][] p =
        points(parse(LossCurveSvg.render(List.of(new LossSample(0, 1), new LossSample(1, 1)))));
    assertEquals(p[0][1], p[1][1]);
    assertTrue(p[0][1] > 0 && p[0][1] < 260);
  }
}
