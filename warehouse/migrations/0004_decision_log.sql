-- Decision log, version 2. An experiment on a whole channel would collide with that channel's own
-- row under the old key (week_start, channel, campaign), so experiment rows get their own key
-- column (experiment_key = experiment_id, 0 for channel and campaign rows). Each entry also keeps
-- the numbers its sentence used, and when it was last refreshed from the data.
CREATE TABLE decision_log_v2 (
    week_start     DATE NOT NULL,
    channel        VARCHAR NOT NULL,
    campaign       VARCHAR NOT NULL DEFAULT '',   -- '' for a channel row
    experiment_key BIGINT NOT NULL DEFAULT 0,     -- experiment_id, 0 when not an experiment row
    experiment_id  BIGINT,
    kind           VARCHAR NOT NULL DEFAULT 'channel',  -- channel, campaign, experiment
    verdict        VARCHAR NOT NULL,
    p              DOUBLE,
    cpl            DOUBLE,
    spend          DOUBLE,
    leads          DOUBLE,
    target         DOUBLE,
    cpl_likely     DOUBLE,
    cpl_low        DOUBLE,
    cpl_high       DOUBLE,
    reason_code    VARCHAR,
    reason_params  VARCHAR,            -- JSON: the numbers of the reason sentence
    action_taken   VARCHAR,            -- scaled, cut, kept, ignored (NULL: not recorded)
    note           VARCHAR,
    recorded_at    TIMESTAMP,
    snapshot_at    TIMESTAMP,
    PRIMARY KEY (week_start, channel, campaign, experiment_key)
);

INSERT INTO decision_log_v2 (week_start, channel, campaign, experiment_key, experiment_id, kind, verdict, p, cpl,
                             spend, leads, reason_code, action_taken, note, recorded_at)
SELECT week_start, channel, campaign, coalesce(experiment_id, 0), experiment_id,
       CASE WHEN experiment_id IS NOT NULL THEN 'experiment' WHEN campaign <> '' THEN 'campaign' ELSE 'channel' END,
       verdict, p, cpl, spend, leads, reason_code, action_taken, note, recorded_at
FROM decision_log;

DROP TABLE decision_log;
ALTER TABLE decision_log_v2 RENAME TO decision_log;
