"""``ExportLib``: an export library written in Python (aidge_core's
``export_utils.export_registry``).

A subclass names a library (``_name``) of the C++ registry, created when the
class is defined as a copy of ``base`` (the built-in ``cpp`` one unless the
class says otherwise), so every op type it does not register falls back to
the C++ implementations. Each registration adds an ``external``
implementation to that library, next to the inherited ones of its type:
``--aidge-match-impl`` scores it against them exactly like a C++ one (fewest
adaptations, then highest priority, then most constrained, then first
registered, so an implementation meant to replace an inherited one of the
same spec needs a higher priority), and ``scheduler_export`` renders the ops
matched to it from the registered ExportNode class.
"""

from typing import Dict, List, Optional, Tuple, Type, Union

from .. import _core
from .impl_spec import ImplSpec
from .node_export import ExportNode


class classproperty:
    """A read-only property of the class (``@classmethod`` + ``@property``
    do not combine before Python 3.12)."""

    def __init__(self, fget):
        self.fget = fget

    def __get__(self, instance, owner):
        return self.fget(owner)


class ExportLib:
    """Base class of export libraries. Subclasses set:

    - ``_name``: the library's name (``--aidge-match-impl=lib=<_name>``);
    - ``base``: the library it extends (default ``"cpp"``; None: none);
    - ``static_files``: path in your package -> path in the export (relative
      to the export's root), copied into every export with this library.
    """

    _name: Optional[str] = None
    base: Optional[str] = "cpp"
    static_files: Dict[str, str] = {}
    # Class-level registries, one per subclass (see _export_node_registry).
    _cls_export_node_registry: Dict[type, Dict[str, List[Tuple[ImplSpec, type]]]] = {}
    _cls_kernels: Dict[type, Dict[str, Tuple[str, ImplSpec, type]]] = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("_name") is None:
            return  # an abstract intermediate class
        # A library defined again (a module reloaded) starts afresh.
        _core.create_export_lib(cls._name, cls.base)

    @classproperty
    def _export_node_registry(cls) -> Dict[str, List[Tuple[ImplSpec, type]]]:
        """Op type -> [(spec, ExportNode class)] registered on this class."""
        return cls._cls_export_node_registry.setdefault(cls, {})

    @classproperty
    def _kernels(cls) -> Dict[str, Tuple[str, ImplSpec, type]]:
        """Kernel name in the C++ registry -> (op type, spec, ExportNode class)."""
        return cls._cls_kernels.setdefault(cls, {})

    # Registration ----------------------------------------------------------

    @classmethod
    def register(cls, op_type: Union[str, List[str]], spec: ImplSpec):
        """Class decorator registering an ExportNode class as the
        implementation of ``op_type`` (an Aidge op type, or a list of them)
        for ``spec``."""
        return cls._registrar("register", op_type, spec, cls._check_op_type)

    @classmethod
    def register_metaop(cls, op_type: Union[str, List[str]], spec: ImplSpec):
        """As ``register``, for a fused op (Aidge's metaop): in aidge-mlir a
        fused op is its base op with an ``activation`` attribute, so
        ``spec.attrs`` must constrain ``activation``."""
        def check(method, name):
            cls._check_op_type(method, name)
            if "activation" not in spec.attrs:
                raise ValueError(
                    f"{cls.__name__}.{method}('{name}'): a metaop is its base op with an "
                    f"'activation' attribute; constrain it in the spec, e.g. "
                    f"attrs={{'activation': '#aidge.activation<kind = relu>'}}")
        return cls._registrar("register_metaop", op_type, spec, check)

    @classmethod
    def register_generic(cls, op_type: Union[str, List[str]], spec: ImplSpec):
        """As ``register``, for an op of another dialect, named in full
        (``mydialect.myop``): Aidge's GenericOperator."""
        def check(method, name):
            if "." not in name:
                raise ValueError(f"{cls.__name__}.{method}('{name}'): a generic op type is the "
                                 f"full name of another dialect's op, e.g. 'mydialect.myop'")
            cls._check_op_type(method, name)
        return cls._registrar("register_generic", op_type, spec, check)

    @classmethod
    def _check_op_type(cls, method: str, name: str) -> None:
        try:
            _core.impl_specs(cls._name, name)
        except _core.Error as error:
            raise ValueError(f"{cls.__name__}.{method}: {error}.\nHint: a metaop (a fused op) "
                             f"uses register_metaop, another dialect's op register_generic.") \
                from None

    @classmethod
    def _registrar(cls, method: str, op_type, spec: ImplSpec, check):
        if cls.__dict__.get("_name") is None:
            raise ValueError(f"{cls.__name__} does not define the attribute _name")
        if isinstance(op_type, str):
            types = [op_type]
        elif isinstance(op_type, list) and op_type and all(isinstance(t, str) for t in op_type):
            types = op_type
        else:
            raise TypeError(f"{cls.__name__}.{method}: op_type must be a str or a non-empty "
                            f"list of str, got {op_type!r}")
        if not isinstance(spec, ImplSpec):
            raise TypeError(f"{cls.__name__}.{method}: spec must be an ImplSpec, "
                            f"got {type(spec).__name__}")
        for name in types:
            check(method, name)

        def decorator(node_class):
            if not (isinstance(node_class, type) and issubclass(node_class, ExportNode)):
                raise TypeError(f"{cls.__name__}.{method}: registers ExportNode subclasses, "
                                f"got {node_class!r}")
            for name in types:
                cls._add(name, spec, node_class)
            return node_class
        return decorator

    @classmethod
    def _add(cls, op_type: str, spec: ImplSpec, node_class: type) -> None:
        registry = cls._export_node_registry
        registry.setdefault(op_type, []).append((spec, node_class))
        kernel = f"{node_class.__name__}_{op_type}"
        if kernel in cls._kernels:
            kernel += f"_{len(registry[op_type])}"
        cls._kernels[kernel] = (op_type, spec, node_class)
        _core.register_impl(cls._name, op_type, spec.to_dict(),
                            {"name": kernel, "entry_point": "", "headers": [], "config": [],
                             "external": True})

    # Queries ---------------------------------------------------------------

    @classmethod
    def get_export_node(cls, spec: ImplSpec, op_type: Optional[str] = None) -> Optional[type]:
        """The ExportNode class registered for exactly ``spec`` (for
        ``op_type``, or any type when it alone has that spec), or None."""
        found = [(name, node_class) for name, entries in cls._export_node_registry.items()
                 if op_type in (None, name) for registered, node_class in entries
                 if registered == spec]
        if len({node_class for _, node_class in found}) > 1:
            raise ValueError(f"{cls.__name__}.get_export_node: {spec} is registered for "
                             f"{', '.join(sorted({name for name, _ in found}))}; give op_type")
        return found[0][1] if found else None

    @classmethod
    def get_available_impl_specs(cls, node) -> List[ImplSpec]:
        """Every spec the library has for the node's type, its own and those
        inherited, in registration order."""
        return [ImplSpec.from_dict(d) for d in _core.impl_specs(cls._name, node.type)]

    @classmethod
    def get_required_spec(cls, node) -> ImplSpec:
        """The spec the node has: each operand's dtype, format and dims."""
        return ImplSpec.from_dict(_core.required_spec(node))

    @classmethod
    def get_best_match(cls, node) -> Optional[ImplSpec]:
        """The spec of the implementation that fits the node as it is, the
        one --aidge-match-impl would pick; None when every one needs an
        adaptation."""
        fit = _core.best_match(cls._name, node)
        return ImplSpec.from_dict(fit[0]) if fit else None

    @classmethod
    def get_best_adaptation(cls, node) -> Optional[Tuple[ImplSpec, List[dict]]]:
        """The spec --aidge-match-impl picks for the node and the
        adaptations it inserts for it: ``{"where": "input"|"output",
        "index", "kind": "transpose"|"cast", "from", "to"}``. None when
        nothing fits."""
        fit = _core.best_adaptation(cls._name, node)
        return (ImplSpec.from_dict(fit[0]), fit[2]) if fit else None
