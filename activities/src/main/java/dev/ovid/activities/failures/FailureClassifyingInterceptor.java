package dev.ovid.activities.failures;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/** Applies {@link FailureClassifier} to every activity this worker runs. */
public final class FailureClassifyingInterceptor extends WorkerInterceptorBase {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(FailureClassifyingInterceptor.class);

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String activityType = "";

      @Override
      public void init(io.temporal.activity.ActivityExecutionContext context) {
        activityType = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (Throwable failure) {
          if (failure instanceof Error error) throw error;
          RuntimeException classified = FailureClassifier.classify(failure);
          if (classified != failure) {
            // Temporal gets the message only; the whole failure stays here.
            LOG.warnf(
                failure,
                "activity %s failed (%s)",
                activityType,
                FailureClassifier.isBadInput(failure) ? "bad input, not retried" : "transient");
          }
          throw classified;
        }
      }
    };
  }
}
