"""Finding article URLs: RSS/Atom feeds and (Google-News) sitemaps, parsed safely."""
