-- Mandag workspace schema, version 1: the canonical facts, the import log and user-entered plans.
-- Periods: a fact row covers [period_start, period_end]; a day row has period_start = period_end.

CREATE SEQUENCE IF NOT EXISTS import_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS entity_id_seq START 1;

CREATE TABLE workspace_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE imports (
    import_id    BIGINT PRIMARY KEY,
    file_name    VARCHAR NOT NULL,
    file_hash    VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,   -- google_ads, meta, linkedin, microsoft_ads, tiktok, ga4, search_console, crm, costs, demo
    account      VARCHAR NOT NULL,
    fact_table   VARCHAR NOT NULL,
    date_from    DATE,
    date_to      DATE,
    rows         BIGINT NOT NULL,
    currency     VARCHAR,
    totals       VARCHAR,            -- JSON object: measure -> sum
    warnings     VARCHAR,            -- JSON array of sentences (codes + params)
    origin       VARCHAR NOT NULL DEFAULT 'file',  -- file, api, demo
    status       VARCHAR NOT NULL DEFAULT 'loaded', -- loaded, undone
    imported_at  TIMESTAMP NOT NULL
);

CREATE TABLE ad_performance (
    import_id        BIGINT NOT NULL,
    source           VARCHAR NOT NULL,
    account          VARCHAR NOT NULL,
    campaign         VARCHAR NOT NULL,
    campaign_type    VARCHAR,        -- e.g. Search, Display, Performance Max, Video; platform wording
    channel          VARCHAR NOT NULL, -- GA4 default channel group, e.g. 'Paid Search'
    period_start     DATE NOT NULL,
    period_end       DATE NOT NULL,
    currency         VARCHAR NOT NULL,
    spend            DOUBLE NOT NULL DEFAULT 0,
    impressions      BIGINT NOT NULL DEFAULT 0,
    clicks           BIGINT NOT NULL DEFAULT 0,
    conversions      DOUBLE NOT NULL DEFAULT 0,  -- platform-reported lead conversions
    conversion_value DOUBLE NOT NULL DEFAULT 0
);

CREATE TABLE web_analytics (
    import_id        BIGINT NOT NULL,
    account          VARCHAR NOT NULL,   -- GA4 property id or name
    period_start     DATE NOT NULL,
    period_end       DATE NOT NULL,
    channel_group    VARCHAR NOT NULL,
    source           VARCHAR,
    medium           VARCHAR,
    campaign         VARCHAR,
    sessions         BIGINT NOT NULL DEFAULT 0,
    engaged_sessions BIGINT NOT NULL DEFAULT 0,
    users            BIGINT NOT NULL DEFAULT 0,
    key_events       DOUBLE NOT NULL DEFAULT 0,  -- all key events
    lead_events      DOUBLE,                      -- key events of the events marked as leads (NULL: not split)
    revenue          DOUBLE NOT NULL DEFAULT 0,
    purchases        DOUBLE NOT NULL DEFAULT 0
);

CREATE TABLE search_daily (
    import_id    BIGINT NOT NULL,
    account      VARCHAR NOT NULL,   -- Search Console property, e.g. sc-domain:example.no
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    clicks       BIGINT NOT NULL DEFAULT 0,
    impressions  BIGINT NOT NULL DEFAULT 0,
    position     DOUBLE              -- average position, weight by impressions when aggregating
);

CREATE TABLE search_rows (
    import_id    BIGINT NOT NULL,
    account      VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL,
    query        VARCHAR,            -- NULL: the row is not split by this dimension
    page         VARCHAR,
    country      VARCHAR,
    device       VARCHAR,
    clicks       BIGINT NOT NULL DEFAULT 0,
    impressions  BIGINT NOT NULL DEFAULT 0,
    position     DOUBLE
);

CREATE TABLE crm_deals (
    import_id     BIGINT NOT NULL,
    account       VARCHAR NOT NULL,
    deal_id       VARCHAR NOT NULL,
    created_date  DATE NOT NULL,      -- the lead's date
    won_date      DATE,               -- NULL unless won: a new customer that day
    stage         VARCHAR,
    source        VARCHAR,
    channel       VARCHAR,
    campaign      VARCHAR,
    value         DOUBLE,
    currency      VARCHAR,
    is_qualified  BOOLEAN NOT NULL DEFAULT TRUE,
    period_start  DATE NOT NULL,      -- = created_date (for the shared loader)
    period_end    DATE NOT NULL
);

CREATE TABLE costs (
    import_id    BIGINT,
    account      VARCHAR NOT NULL DEFAULT 'manual',
    month        DATE NOT NULL,       -- first day of the month; spread evenly over its days
    item         VARCHAR NOT NULL,
    channel      VARCHAR,
    amount       DOUBLE NOT NULL,
    currency     VARCHAR NOT NULL,
    period_start DATE NOT NULL,
    period_end   DATE NOT NULL
);

CREATE TABLE fx_rates (
    day      DATE NOT NULL,
    currency VARCHAR NOT NULL,
    rate     DOUBLE NOT NULL,          -- 1 unit of currency in the reporting currency
    PRIMARY KEY (day, currency)
);

CREATE TABLE settings (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL             -- JSON
);

CREATE TABLE channel_map (
    source        VARCHAR NOT NULL,
    match_kind    VARCHAR NOT NULL,    -- campaign_type or campaign
    match_value   VARCHAR NOT NULL,
    channel       VARCHAR NOT NULL,
    PRIMARY KEY (source, match_kind, match_value)
);

CREATE TABLE targets (
    target_id       BIGINT PRIMARY KEY,
    kpi             VARCHAR NOT NULL,
    scope           VARCHAR NOT NULL,  -- 'all', 'channel:<name>', 'campaign:<name>'
    baseline        DOUBLE,
    baseline_from   DATE,
    baseline_to     DATE,
    target_value    DOUBLE NOT NULL,   -- absolute target
    target_input    VARCHAR,           -- what the user typed, e.g. '-25%'
    start_date      DATE NOT NULL,
    deadline        DATE NOT NULL,
    owner           VARCHAR,
    name            VARCHAR,
    created_at      TIMESTAMP NOT NULL
);

CREATE TABLE experiments (
    experiment_id BIGINT PRIMARY KEY,
    name          VARCHAR NOT NULL,
    channel       VARCHAR,
    campaign      VARCHAR,
    hypothesis    VARCHAR,
    bucket        VARCHAR NOT NULL DEFAULT 'experiment',  -- proven, improvement, experiment
    start_date    DATE NOT NULL,
    planned_end   DATE NOT NULL,
    budget        DOUBLE,
    target_kpi    VARCHAR NOT NULL DEFAULT 'cpl',
    target_value  DOUBLE,
    status        VARCHAR NOT NULL DEFAULT 'running',    -- running, scaled, cut, kept, stopped
    ice_item_id   BIGINT,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE ice_items (
    item_id     BIGINT PRIMARY KEY,
    name        VARCHAR NOT NULL,
    channel     VARCHAR,
    description VARCHAR,
    impact      INTEGER NOT NULL,
    confidence  INTEGER NOT NULL,
    effort      INTEGER NOT NULL,
    bucket      VARCHAR NOT NULL DEFAULT 'improvement',
    owner       VARCHAR,
    status      VARCHAR NOT NULL DEFAULT 'idea',  -- idea, planned, doing, done, dropped
    created_at  TIMESTAMP NOT NULL
);

CREATE TABLE plan_items (
    item_id       BIGINT PRIMARY KEY,
    title         VARCHAR NOT NULL,
    phase         VARCHAR,            -- e.g. 'w1-2', 'w3-4', 'm2', 'm3'
    owner         VARCHAR,
    due_date      DATE,
    status        VARCHAR NOT NULL DEFAULT 'todo',  -- todo, doing, done
    target_id     BIGINT,
    experiment_id BIGINT,
    notes         VARCHAR,
    created_at    TIMESTAMP NOT NULL
);

CREATE TABLE strategy_notes (
    section    VARCHAR NOT NULL,      -- persona, journey, swot, competitor, value_prop
    note_id    BIGINT NOT NULL,
    content    VARCHAR NOT NULL,      -- JSON
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (section, note_id)
);

CREATE TABLE decision_log (
    week_start    DATE NOT NULL,
    channel       VARCHAR NOT NULL,
    campaign      VARCHAR NOT NULL DEFAULT '',  -- '' for a channel row
    experiment_id BIGINT,
    verdict       VARCHAR NOT NULL,
    p             DOUBLE,
    cpl           DOUBLE,
    spend         DOUBLE,
    leads         DOUBLE,
    reason_code   VARCHAR,
    action_taken  VARCHAR,           -- scaled, cut, kept, ignored (NULL: not recorded)
    note          VARCHAR,
    recorded_at   TIMESTAMP,
    PRIMARY KEY (week_start, channel, campaign)
);

CREATE TABLE sync_state (
    source            VARCHAR NOT NULL,   -- ga4, gsc
    account           VARCHAR NOT NULL,
    last_complete_day DATE,
    last_run_at       TIMESTAMP,
    status            VARCHAR,
    message           VARCHAR,
    PRIMARY KEY (source, account)
);
