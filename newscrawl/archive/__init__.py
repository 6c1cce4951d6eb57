"""Web archives (WARC, ISO 28500) through warcio: keep every raw page, crawl from an archive, re-extract.

* Writing: :mod:`~newscrawl.archive.middleware` turns every response the crawl receives, with its request,
  into WARC records (``NEWSCRAWL_ARCHIVE_DIR``); :mod:`~newscrawl.archive.rotating` owns the files.
* Reading: :mod:`~newscrawl.archive.reader` finds archive files, :mod:`~newscrawl.archive.warc` indexes
  their response records and reads one back by offset; :mod:`newscrawl.downloader.replay` answers a crawl's
  requests from them (``NEWSCRAWL_REPLAY``).
* Re-extraction (``newscrawl reextract``): :mod:`~newscrawl.archive.reextract` drives it,
  :mod:`~newscrawl.archive.articles` plans it, :mod:`~newscrawl.archive.worker` and
  :mod:`~newscrawl.archive.stages` do the work with the crawl's own extraction and pipelines.
"""
