package dev.ovid.activities.schedule;

import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.run.NewRun;
import dev.ovid.registry.run.RunRegistry;
import dev.ovid.registry.run.TrainingRun;
import dev.ovid.workflows.schedule.ScheduleActivities;
import dev.ovid.workflows.schedule.ScheduledRun;
import dev.ovid.workflows.schedule.ScheduledTrainingRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates the run of a scheduled action. The vocabulary is taken as it is now (its current labels
 * and version); the dataset's newest contents are curated by the pipeline itself, unless the
 * schedule pins a dataset version (the run is created with it, and curation then uses it as is).
 */
@ApplicationScoped
public class ScheduleActivitiesImpl implements ScheduleActivities {
  @Inject RunRegistry runs;

  @Override
  public ScheduledRun createRun(ScheduledTrainingRequest request, String pipelineWorkflowId) {
    TrainingRun run;
    try {
      run = runs.findByWorkflowId(pipelineWorkflowId);
    } catch (NotFoundException firstAttempt) {
      run =
          runs.create(
              new NewRun(
                  request.datasetName(),
                  request.datasetVersion(),
                  request.vocabularyName(),
                  request.hyperparameters().asMap(),
                  pipelineWorkflowId),
              actor(request));
      run = runs.setOrigin(run.id, null, request.scheduleId(), actor(request));
      if (!request.registersCandidate()) {
        run = runs.setRegisterCandidate(run.id, false, actor(request));
      }
    }
    return new ScheduledRun(run.id, run.vocabulary.id, pipelineWorkflowId);
  }

  private static String actor(ScheduledTrainingRequest request) {
    return "schedule:" + request.scheduleId();
  }
}
