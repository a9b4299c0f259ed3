package dev.ovid.model.training;

import dev.ovid.model.core.OvidModel;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchResumeTest {
  @Test
  void scratch() {
    ColourVideos data = new ColourVideos(8, 4, 16, 5);
    try (OvidModel model = OvidTrainerTest.tinyModel(1)) {
      System.out.println(
          "A "
              + new OvidTrainer(model, OvidTrainerTest.SHORT)
                  .train(data, TrainingListener.NONE)
                  .losses());
    }
    try (OvidModel model = OvidTrainerTest.tinyModel(1)) {
      System.out.println(
          "B "
              + new OvidTrainer(model, OvidTrainerTest.SHORT)
                  .train(data, TrainingListener.NONE)
                  .losses());
    }
    List<byte[]> cps = new ArrayList<>();
    try (OvidModel model = OvidTrainerTest.tinyModel(1)) {
      System.out.println(
          "C "
              + new OvidTrainer(model, OvidTrainerTest.SHORT)
                  .train(
                      data,
                      new TrainingListener() {
                        public void onStep(int e, long s, long t, float l, double r) {}

                        public void onCheckpoint(long s, Checkpoint c) {
                          cps.add(OvidTrainerTest.bytes(c));
                        }
                      })
                  .losses());
    }
    try (OvidModel model = OvidTrainerTest.tinyModel(1)) {
      OvidTrainer t = new OvidTrainer(model, OvidTrainerTest.SHORT);
      t.restore(Checkpoint.read(new ByteArrayInputStream(cps.get(1)), "m"), data);
      System.out.println("D " + t.train(data, TrainingListener.NONE).losses());
    }
  }
}
