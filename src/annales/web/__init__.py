"""The dashboard: HTML pages (each with a JSON twin) served by the API's app."""
