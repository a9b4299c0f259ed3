-- Attributes of labels for the fixed-LLM baseline (issue 9): K per label, written by an LLM (the
-- run's T5 by greedy decoding, or an OpenAI-compatible chat endpoint). The attributes are an
-- immutable, content-addressed JSON object in MinIO; this row is its provenance. One row per
-- distinct inputs (generator, model, prompt, K, labels): the same inputs reuse the stored set.
CREATE TABLE label_attribute_set (
    id                    BIGSERIAL PRIMARY KEY,
    inputs_sha256         VARCHAR(64)   NOT NULL UNIQUE,
    generator             VARCHAR(20)   NOT NULL,
    model                 VARCHAR(500)  NOT NULL,
    prompt                VARCHAR(2000) NOT NULL,
    attributes_per_label  INTEGER       NOT NULL,
    label_count           INTEGER       NOT NULL,
    labels_sha256         VARCHAR(64)   NOT NULL,
    vocabulary_version_id BIGINT        REFERENCES vocabulary_version (id),
    artifact_uri          VARCHAR(1000) NOT NULL,
    artifact_sha256       VARCHAR(64)   NOT NULL,
    created_by            VARCHAR(200)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    reuse_count           INTEGER       NOT NULL DEFAULT 0,
    last_used_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX label_attribute_set_vocabulary ON label_attribute_set (vocabulary_version_id);
