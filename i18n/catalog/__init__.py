"""Catalogue files, one per area of the app (see `i18n`)."""
