"""ETL: news articles in, a DuckDB file of who-did-what-to-whom out."""

__version__ = "0.1.0"
