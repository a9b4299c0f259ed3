package dev.ovid.web.api;

import dev.ovid.registry.common.ValidationException;
import dev.ovid.web.classify.ClassificationOutcome;
import dev.ovid.web.classify.Classifier;
import dev.ovid.web.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Classifies a video with a model version against a published vocabulary version. The work runs on
 * a worker (inference queue); this resource only validates, stages the upload and waits.
 */
@Path("/api/classify")
@Tag(name = "Classification")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PRODUCT_OWNER, Roles.ML_OPS})
@APIResponse(
    responseCode = "200",
    description = "Labels sorted by score, highest first",
    content = @Content(schema = @Schema(implementation = ClassificationOutcome.class)))
@APIResponse(
    responseCode = "400",
    description = "Not a video, a corrupt video, or a bad parameter",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "404",
    description = "Unknown vocabulary, vocabulary version or model version",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "409",
    description = "No production model yet (or the named alias is not set)",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
@APIResponse(
    responseCode = "413",
    description = "The upload is larger than ovid.classify.max-upload-bytes",
    content = @Content(schema = @Schema(implementation = ErrorBody.class)))
public class ClassifyResource {
  @Inject Classifier classifier;
  @Inject SecurityIdentity identity;

  /** The JSON form: a video already in the object store. */
  public record ClassifyUriBody(
      @Schema(required = true, example = "s3://ovid-artifacts/videos/clip.mp4") String uri,
      @Schema(required = true) String vocabulary,
      Integer vocabularyVersion,
      @Schema(description = "alias or version number; default production") String model,
      Integer top) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Classify an uploaded video (field 'video') or an s3:// URI (field 'uri')",
      description =
          "Fields: vocabulary (name, required), vocabularyVersion (default latest published),"
              + " model (alias or version, default production), top (default"
              + " ovid.classify.default-top; 0 = all)")
  public ClassificationOutcome classifyMultipart(
      @RestForm("video") FileUpload video,
      @RestForm("uri") String uri,
      @RestForm("vocabulary") String vocabulary,
      @RestForm("vocabularyVersion") Integer vocabularyVersion,
      @RestForm("model") String model,
      @RestForm("top") Integer top) {
    if (video != null && video.uploadedFile() != null) {
      return classifier.classifyUpload(
          video.uploadedFile(), vocabulary, vocabularyVersion, model, top, user());
    }
    if (uri != null && !uri.isBlank()) {
      return classifier.classifyUri(uri.trim(), vocabulary, vocabularyVersion, model, top, user());
    }
    throw new ValidationException(
        "send the video as the multipart field 'video', or an s3:// 'uri'");
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Classify a video already in the object store")
  public ClassificationOutcome classifyUri(ClassifyUriBody body) {
    if (body == null) throw new ValidationException("a body with uri and vocabulary is required");
    return classifier.classifyUri(
        ValidationException.requireText("uri", body.uri()),
        body.vocabulary(),
        body.vocabularyVersion(),
        body.model(),
        body.top(),
        user());
  }

  private String user() {
    return identity.getPrincipal().getName();
  }
}
