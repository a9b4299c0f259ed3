-- Scheduled retraining (issue 10): a schedule may register its runs' models without moving the
-- candidate alias. Runs launched by hand keep doing so (the default).
ALTER TABLE training_run ADD COLUMN register_candidate BOOLEAN NOT NULL DEFAULT TRUE;
