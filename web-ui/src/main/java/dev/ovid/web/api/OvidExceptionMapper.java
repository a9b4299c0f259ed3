package dev.ovid.web.api;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.Echo;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.OvidException;
import dev.ovid.registry.common.ServiceUnavailableException;
import dev.ovid.registry.common.ValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.Logger;

/** Maps each family of Ovid's domain failures, once, to an HTTP status with a JSON body. */
@Provider
public class OvidExceptionMapper implements ExceptionMapper<OvidException> {
  /** Longest message or detail an error body carries. */
  static final int MAX_MESSAGE = 500;

  private static final Logger LOG = Logger.getLogger(OvidExceptionMapper.class);

  @Override
  public Response toResponse(OvidException e) {
    Status status = statusOf(e);
    if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      LOG.warnf("%s: %s", status, capped(e.getMessage()));
    }
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(bodyOf(e)).build();
  }

  static Status statusOf(OvidException e) {
    if (e instanceof NotFoundException) return Status.NOT_FOUND;
    if (e instanceof ValidationException) return Status.BAD_REQUEST;
    if (e instanceof ConflictException) return Status.CONFLICT;
    if (e instanceof dev.ovid.registry.common.ForbiddenException) return Status.FORBIDDEN;
    if (e instanceof dev.ovid.registry.common.TooLargeException)
      return Status.REQUEST_ENTITY_TOO_LARGE;
    if (e instanceof ServiceUnavailableException) return Status.SERVICE_UNAVAILABLE;
    if (e instanceof IntegrityException) return Status.INTERNAL_SERVER_ERROR;
    return Status.INTERNAL_SERVER_ERROR;
  }

  private static ErrorBody bodyOf(OvidException e) {
    String message = capped(e.getMessage());
    if (e instanceof InvalidRequestException invalid) {
      return new ErrorBody(
          message, invalid.details().stream().map(OvidExceptionMapper::capped).toList());
    }
    if (e instanceof ValidationException) {
      // One problem: it is both the summary and the only detail, so clients read details alike.
      return new ErrorBody(message, List.of(message));
    }
    return ErrorBody.of(message);
  }

  /** A safety net: messages quote input through {@link Echo}, but none may be long. */
  static String capped(String message) {
    return Echo.clip(message == null ? "error" : message, MAX_MESSAGE);
  }
}
