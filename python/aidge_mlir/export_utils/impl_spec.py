"""``IOSpec`` and ``ImplSpec``: what an implementation accepts, one to one
with the IR's ``#aidge.io_spec`` and ``#aidge.impl_spec`` (Aidge's
``aidge_core.IOSpec`` / ``aidge_core.ImplSpec``).

The dict forms (``to_dict``/``from_dict``) are the ones ``aidge_mlir._core``
takes and returns::

    {"inputs": [{"dtype", "format", "min_dims", "max_dims"}, ...],
     "outputs": [...], "attrs": {name: MLIR attribute text}, "priority": int}
"""

from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

#: Aidge dtype names a spec may ask for ("any": every type).
DTYPES = ("any", "float64", "float32", "float16", "bfloat16", "bool",
          "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
#: Data formats a spec may ask for (docs/export-libraries.md).
FORMATS = ("any", "default", "nchw", "nhwc", "chwn", "ncw", "nwc", "chw", "hwc",
           "ncdhw", "ndhwc")


class IOSpec:
    """One input or output: ``dtype`` and ``format`` (``"any"`` matches
    everything) and ``dims``, one ``(min, max)`` pair per dimension (``-1``
    as max: unbounded), which also fixes the rank; empty: any shape."""

    def __init__(self, dtype: str = "any", format: str = "any",
                 dims: Sequence[Tuple[int, int]] = ()):
        if dtype not in DTYPES:
            raise ValueError(f"IOSpec: unknown dtype '{dtype}'; expected one of {', '.join(DTYPES)}")
        if format not in FORMATS:
            raise ValueError(f"IOSpec: unknown format '{format}'; expected one of {', '.join(FORMATS)}")
        pairs = []
        for pair in dims:
            if (not isinstance(pair, (tuple, list)) or len(pair) != 2
                    or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair)):
                raise ValueError(f"IOSpec: dims must be (min, max) pairs of integers, got {pair!r}")
            low, high = pair
            if low < 0 or (high != -1 and high < low):
                raise ValueError(f"IOSpec: dims range ({low}, {high}) is empty or negative")
            pairs.append((low, high))
        self.dtype = dtype
        self.format = format
        self.dims: List[Tuple[int, int]] = pairs

    def to_dict(self) -> dict:
        return {"dtype": self.dtype, "format": self.format,
                "min_dims": [low for low, _ in self.dims],
                "max_dims": [high for _, high in self.dims]}

    @classmethod
    def from_dict(cls, data: dict) -> "IOSpec":
        low, high = data.get("min_dims", []), data.get("max_dims", [])
        if len(low) != len(high):
            raise ValueError(f"IOSpec: min_dims {low} and max_dims {high} differ in rank")
        return cls(data.get("dtype", "any"), data.get("format", "any"), list(zip(low, high)))

    def _key(self):
        return (self.dtype, self.format, tuple(self.dims))

    def __eq__(self, other):
        return isinstance(other, IOSpec) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        dims = f", dims={self.dims}" if self.dims else ""
        return f"IOSpec({self.dtype!r}, {self.format!r}{dims})"


def _attr_text(name: str, value) -> str:
    """MLIR attribute text of a spec attribute value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f"{value} : i64"
    if isinstance(value, str):
        return value
    raise TypeError(f"ImplSpec: attribute '{name}' must be MLIR attribute text, an int or a bool, "
                    f"got {type(value).__name__}")


def _io_list(value, what: str) -> List[IOSpec]:
    items = [value] if isinstance(value, IOSpec) else list(value)
    for item in items:
        if not isinstance(item, IOSpec):
            raise TypeError(f"ImplSpec: {what} must be an IOSpec or a list of IOSpec, "
                            f"got {type(item).__name__}")
    return items


class ImplSpec:
    """What an implementation accepts: one IOSpec per input and per output
    (the last one is reused for further operands; none accepts anything),
    attribute values the op must have, and a priority breaking ties.

    As in Aidge, ``ImplSpec(io)`` applies ``io`` to every input and output,
    ``ImplSpec(i, o)`` ``i`` to the inputs and ``o`` to the outputs, and
    lists give one IOSpec per operand."""

    def __init__(self, io_or_list_in: Union[IOSpec, Iterable[IOSpec], None] = None,
                 outputs: Union[IOSpec, Iterable[IOSpec], None] = None,
                 attrs: Optional[Dict[str, object]] = None, priority: int = 0):
        self.inputs = _io_list(io_or_list_in, "inputs") if io_or_list_in is not None else []
        if outputs is not None:
            self.outputs = _io_list(outputs, "outputs")
        else:
            # Aidge's ImplSpec(IOSpec): the same spec for inputs and outputs.
            self.outputs = list(self.inputs) if isinstance(io_or_list_in, IOSpec) else []
        if not isinstance(priority, int) or isinstance(priority, bool):
            raise TypeError(f"ImplSpec: priority must be an int, got {type(priority).__name__}")
        self.attrs: Dict[str, str] = {name: _attr_text(name, value)
                                      for name, value in (attrs or {}).items()}
        self.priority = priority

    def to_dict(self) -> dict:
        return {"inputs": [io.to_dict() for io in self.inputs],
                "outputs": [io.to_dict() for io in self.outputs],
                "attrs": dict(self.attrs), "priority": self.priority}

    @classmethod
    def from_dict(cls, data: dict) -> "ImplSpec":
        return cls([IOSpec.from_dict(io) for io in data.get("inputs", [])],
                   [IOSpec.from_dict(io) for io in data.get("outputs", [])],
                   data.get("attrs", {}), data.get("priority", 0))

    def _key(self):
        return (tuple(self.inputs), tuple(self.outputs),
                tuple(sorted(self.attrs.items())), self.priority)

    def __eq__(self, other):
        return isinstance(other, ImplSpec) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        parts = [f"inputs={self.inputs}", f"outputs={self.outputs}"]
        if self.attrs:
            parts.append(f"attrs={self.attrs}")
        if self.priority:
            parts.append(f"priority={self.priority}")
        return f"ImplSpec({', '.join(parts)})"
