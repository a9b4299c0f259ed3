-- YouTube-8M sources: a video-level TFRecord file with its vocabulary.csv and curation rules
-- (game titles, rare labels), curated together into a dataset version.
ALTER TABLE dataset_source ADD COLUMN vocabulary_location VARCHAR(1000);
ALTER TABLE dataset_source ADD COLUMN curation_rules TEXT;
ALTER TABLE dataset_source DROP CONSTRAINT dataset_source_kind_check;
ALTER TABLE dataset_source ADD CONSTRAINT dataset_source_kind_check
  CHECK (kind IN ('MANIFEST', 'KINETICS_CSV', 'YT8M_TFRECORD'));
