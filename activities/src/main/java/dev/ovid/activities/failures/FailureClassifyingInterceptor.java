package dev.ovid.activities.failures;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/** Applies {@link FailureClassifier} to every activity this worker runs. */
public final class FailureClassifyingInterceptor extends WorkerInterceptorBase {
  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (Throwable failure) {
          if (failure instanceof Error error) throw error;
          throw FailureClassifier.classify(failure);
        }
      }
    };
  }
}
