"""Linking: which provisions does a text bear on, and how (docs/linking.md).

>>> from peacetrack.link import LinkIndex, docs_from_bundles, link_text
>>> index = LinkIndex.build(docs_from_bundles(["@korean-peninsula"]))
>>> link_text("North Korea blew up the liaison office", index, top=1)[0].provision
'panmunjom-2018/1.3'
"""

from peacetrack.link.cache import IndexCache, default_cache_dir
from peacetrack.link.config import FieldWeights, IndexConfig, UpdateReport
from peacetrack.link.documents import (
    ProvisionDoc,
    common_from_bundles,
    common_from_store,
    common_words_of,
    docs_from_bundles,
    docs_from_records,
    docs_from_store,
)
from peacetrack.link.effect import EffectCues, EffectProposal, propose_effect
from peacetrack.link.index import LinkIndex
from peacetrack.link.link import LinkHit, effect_on, link_rows, link_text, make_linker
from peacetrack.link.precedents import (
    Precedent,
    precedents_from_bundles,
    precedents_from_records,
    precedents_from_store,
)
from peacetrack.link.tokenize import DEFAULT_KOREAN, KiwiTokenizer, NgramTokenizer, Token, make_tokenizer

__all__ = [
    "DEFAULT_KOREAN",
    "EffectCues",
    "EffectProposal",
    "FieldWeights",
    "IndexCache",
    "IndexConfig",
    "KiwiTokenizer",
    "LinkHit",
    "LinkIndex",
    "NgramTokenizer",
    "Precedent",
    "ProvisionDoc",
    "Token",
    "UpdateReport",
    "common_from_bundles",
    "common_from_store",
    "common_words_of",
    "default_cache_dir",
    "docs_from_bundles",
    "docs_from_records",
    "docs_from_store",
    "effect_on",
    "link_rows",
    "link_text",
    "make_linker",
    "make_tokenizer",
    "precedents_from_bundles",
    "precedents_from_records",
    "precedents_from_store",
    "propose_effect",
]
