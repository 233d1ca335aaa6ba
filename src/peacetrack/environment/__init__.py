"""The security environment (issue 16): a sourced index of tension and cooperation.

Every accepted event is weighed once by a codebook kept as data
(``data/weights.yaml``: a weight per event type, refined by effect, by what was
tested or done, and by who acted); the index of a period is the cooperation
minus the conflict of the events bearing on the chosen pairs of parties. The
method and its comparison with Goldstein's scale and KOPI are in
``docs/environment.md``.
"""

from peacetrack.environment.index import Row, Weighed, bears_on, parse_dyad, periods, rows
from peacetrack.environment.weights import Weigher, Weighing, Weights, load_weights

__all__ = [
    "Row",
    "Weighed",
    "Weigher",
    "Weighing",
    "Weights",
    "bears_on",
    "load_weights",
    "parse_dyad",
    "periods",
    "rows",
]
