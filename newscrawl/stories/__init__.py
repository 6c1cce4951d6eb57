"""Stories: near-duplicate records (one wire story on several portals) clustered under one ``story_id``.

One small module per job: :mod:`.signature` (body to MinHash), :mod:`.lsh` (datasketch's ``MinHashLSH``
with a compact in-memory bucket storage), :mod:`.index` (assigning a record to a story), :mod:`.store`
(what a persistent store offers), :mod:`.sqlite` and :mod:`.redis` (the two stores), :mod:`.rebuild`
(a store made again from the output) and :mod:`.command` (``newscrawl stories``). The pipeline is
:mod:`newscrawl.pipelines.stories`; README "Stories" says how it behaves.
"""

from newscrawl.stories.store import StoryEntry, StoryError, StoryStore

__all__ = ["StoryEntry", "StoryError", "StoryStore"]
