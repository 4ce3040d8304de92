-- Planning: ICE suggestions, 90-day plan template items, the monthly budget, daily caps per
-- channel and the campaign -> 70/20/10 bucket map.

-- Which preloaded suggestion an ICE item came from (NULL: typed by the user), so that adding the
-- suggestions twice never duplicates them, whatever the language they were created in.
ALTER TABLE ice_items ADD COLUMN suggestion_key VARCHAR;
ALTER TABLE ice_items ADD COLUMN updated_at TIMESTAMP;

-- A milestone's first day (the timeline draws start_date .. due_date) and the template step it
-- was generated from (NULL: added by the user).
ALTER TABLE plan_items ADD COLUMN start_date DATE;
ALTER TABLE plan_items ADD COLUMN template_key VARCHAR;

-- One marketing budget per month. A month without a row uses the latest earlier month's plan.
CREATE TABLE budget_months (
    month             DATE PRIMARY KEY,   -- first day of the month
    total             DOUBLE NOT NULL,    -- planned marketing spend for the month, reporting currency
    revenue           DOUBLE,             -- monthly revenue the user entered (NULL: use the data)
    pushing           BOOLEAN NOT NULL DEFAULT FALSE,  -- growth push: guidance 10-15 % instead of 5-10 %
    share_proven      INTEGER NOT NULL DEFAULT 70,     -- percent; the three shares sum to 100
    share_improvement INTEGER NOT NULL DEFAULT 20,
    share_experiment  INTEGER NOT NULL DEFAULT 10,
    updated_at        TIMESTAMP NOT NULL
);

-- Daily spend cap per channel (GA4 channel group, as in ad_performance.channel).
CREATE TABLE channel_caps (
    channel    VARCHAR PRIMARY KEY,
    daily_cap  DOUBLE NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Campaign (exact name as in ad_performance.campaign) -> bucket. Campaigns without a row are
-- 'experiment' when a registered experiment names them, else 'proven'.
CREATE TABLE campaign_buckets (
    campaign   VARCHAR PRIMARY KEY,
    bucket     VARCHAR NOT NULL,          -- proven, improvement, experiment
    updated_at TIMESTAMP NOT NULL
);
