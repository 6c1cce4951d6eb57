"""Web archives (WARC, ISO 28500) through warcio: keep every raw page, crawl from an archive, re-extract.

* :mod:`newscrawl.archive.middleware` writes every response the crawl receives, with its request, to
  rotating ``.warc.gz`` files (``NEWSCRAWL_ARCHIVE_DIR``); :mod:`newscrawl.archive.rotating` owns the files.
* :mod:`newscrawl.archive.reader` finds archive files, indexes their records and reads one by offset;
  :mod:`newscrawl.downloader.replay` answers a crawl's requests from them (``NEWSCRAWL_REPLAY``).
* :mod:`newscrawl.archive.reextract` (``newscrawl reextract``) runs extraction over every article in them.
"""
