"""Frozen, slotted pydantic dataclasses that answer the calls users make of a model.

The objects a programme holds by the thousand (its measures, each figure's
:class:`~unitedfront.Indicator`, its name, :class:`~unitedfront.Quantity`, period and
evidence) are
``pydantic.dataclasses.dataclass(frozen=True, slots=True)`` classes: one object each, with
no ``__dict__`` and no set of the fields given, so that they take a third of a model's
memory and leave the cyclic garbage collector a third of the objects to walk. They share
no state: every object holds its own values and nothing else.

:class:`Record` gives them the methods users call on a pydantic model
(``model_validate``, ``model_validate_json``, ``model_dump``, ``model_dump_json``,
``model_copy``, ``model_construct``, ``model_json_schema`` and ``model_fields``), built on
pydantic's public API: one :class:`~pydantic.TypeAdapter` per class, made at first use
and kept.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from copy import deepcopy
from typing import TYPE_CHECKING, Any, ClassVar, Final, Literal, Self, TypeGuard, TypeVar, cast

from pydantic import BaseModel, GetCoreSchemaHandler, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo
from pydantic.json_schema import JsonSchemaMode
from pydantic_core import CoreSchema, SchemaValidator, core_schema

__all__ = [
    "KEPT",
    "TEXT_LABEL",
    "ModelClass",
    "Record",
    "building",
    "fields_or_text",
    "fields_or_text_json_schema",
    "fill",
    "is_model_class",
    "open_twin",
    "python_errors_of",
    "remember",
    "unreferenced",
]

_R = TypeVar("_R", bound="Record")
_K = TypeVar("_K")
_V = TypeVar("_V")
_Include = set[int] | set[str] | Mapping[int, Any] | Mapping[str, Any] | None


# Made at a class's first use and kept: one of each per class.
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}
_OPEN: dict[type[Any], type[Any]] = {}


def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


def open_twin(cls: type[Any]) -> type[Any]:
    """A class with the slots of ``cls``, in the same order, that is not frozen.

    Assigning to a frozen dataclass's fields goes through its ``__setattr__`` (which
    refuses) or through each slot's descriptor called as a function, both slower than the
    work of most values built unchecked. An object of the twin takes plain assignments,
    then becomes an object of ``cls`` by taking that class, which Python allows between
    classes whose instances have the same layout (the same base, the same slots).
    """
    twin = _OPEN.get(cls)
    if twin is None:
        (base,) = cls.__bases__
        twin = _OPEN[cls] = type(f"_Open{cls.__name__}", (base,), {"__slots__": cls.__slots__})
    return twin


#: How many entries a table of values read from text (:func:`remember`) holds at the most.
KEPT: Final = 4096


def remember(table: dict[_K, _V], key: _K, value: _V) -> _V:
    """Put ``value`` in ``table`` under ``key``, and return it.

    For the tables of values read from text, looked up before a text is read: a full table
    (:data:`KEPT` entries) is emptied first, so that it stays small whatever it is given,
    and a text that never recurs costs one insertion.
    """
    if len(table) >= KEPT:
        table.clear()
    table[key] = value
    return value


def fill(cls: type[_R], values: tuple[Any, ...] | Any) -> _R:
    """An object of ``cls`` holding ``values`` (one per field, in their order), unchecked.

    For values established already by the code that calls it (the reader of a figure, the
    sum of figures): the object is built by filling its slots, with no validation. Extra
    trailing values are ignored.
    """
    obj: Any = object.__new__(open_twin(cls))
    names: tuple[str, ...] = cls.__slots__
    for i, name in enumerate(names):  # (zip with strict= is twice as slow for so few)
        setattr(obj, name, values[i])
    obj.__class__ = cls
    return obj  # type: ignore[no-any-return]


def building(schema: CoreSchema) -> bool:
    """Whether ``schema``, given by the handler of a class's ``__get_pydantic_core_schema__``,
    is that of the class's own fields: the class's own schema is being built.

    The hook is called to build the class's schema, where the handler gives the schema of
    its fields, and again for each field that holds the class, where the handler gives the
    class's schema as it was built (which the hook returns as it is).
    """
    kind: str = schema["type"]
    return kind == "dataclass"


def unreferenced(schema: CoreSchema) -> tuple[CoreSchema, str | None]:
    """A copy of a class's own schema (that of its fields) without its reference, and the
    reference: the schema a hook builds around the fields is the class's schema, and
    takes the reference (under which the JSON Schema lists the class)."""
    inner: dict[str, Any] = dict(schema)
    ref = inner.pop("ref", None)
    return cast(CoreSchema, inner), ref


#: The label under which JSON validation reports what refused a value given as text; the
#: same value given as fields is reported under its class's name (see :func:`fields_or_text`).
TEXT_LABEL = "str"


def fields_or_text(
    cls: type[Any],
    handler: GetCoreSchemaHandler,
    read: Callable[[Any], Any],
    *,
    text: CoreSchema | None = None,
) -> CoreSchema:
    """The core schema of a value that may be given as its fields or as a string to read.

    ``read`` builds the value from a string that passed ``text`` (any string by default).
    The rules of the fields stay in pydantic-core; a rule across fields is the class's
    ``__post_init__``, which pydantic-core calls once the fields are valid.

    JSON is validated as it is, with no Python copy of a mapping made first: a union tries
    the fields, then the string. When both refuse, pydantic reports each under its label
    (the class's name, :data:`TEXT_LABEL`), as it does for any ``X | str``; the library's
    ``model_validate_json`` methods then raise the errors of the same data validated as
    Python (:func:`python_errors_of`), and its loaders validate Python data. Python data
    goes through one function that reads a string and hands anything else to the fields,
    so that its errors name the one form given.
    """
    fields = handler(cls)
    if not building(fields):
        return fields  # a field that holds the class: its own schema, built already
    fields, ref = unreferenced(fields)
    string = core_schema.no_info_after_validator_function(read, text or core_schema.str_schema())
    as_text = SchemaValidator(string)

    def python(data: Any, validate: core_schema.ValidatorFunctionWrapHandler) -> Any:
        if isinstance(data, str):
            return as_text.validate_python(data)
        return validate(data)

    return core_schema.json_or_python_schema(
        json_schema=core_schema.union_schema(
            [(fields, cls.__name__), (string, TEXT_LABEL)], mode="left_to_right"
        ),
        python_schema=core_schema.no_info_wrap_validator_function(python, fields),
        ref=ref,
    )


def python_errors_of(json_data: str | bytes | bytearray, validate: Callable[[Any], Any]) -> None:
    """Validate JSON text that failed JSON validation again, as Python data, to raise the
    errors of that mode.

    JSON is validated as it is, and where a value may be text or fields, pydantic reports
    both readings of it; as Python data the one that applies is reported alone. Returns
    (and the caller raises its own error) when the text is not JSON or passes as Python.
    """
    try:
        data = json.loads(json_data)
    except ValueError:
        return
    validate(data)


def fields_or_text_json_schema(schema: dict[str, Any], description: str) -> dict[str, Any]:
    """The JSON Schema of a value :func:`fields_or_text` validates: text (``description``)
    or the object of its fields, from what pydantic makes of the union (the object, then
    the text)."""
    fields, _text = schema["anyOf"]
    return {"anyOf": [{"type": "string", "description": description}, fields]}


class _ClassFields:
    """``model_fields`` on the class, as a pydantic model has it."""

    def __get__(self, obj: object, cls: type[Any]) -> dict[str, FieldInfo]:
        fields: dict[str, FieldInfo] = cls.__pydantic_fields__
        return fields


class Record:
    """Methods of a pydantic model for a frozen, slotted pydantic dataclass.

    Subclasses are declared with ``@pydantic.dataclasses.dataclass(frozen=True,
    slots=True)``. Copying with changes validates the new values, as building the object
    does.
    """

    __slots__ = ()

    if TYPE_CHECKING:
        model_fields: ClassVar[dict[str, FieldInfo]]
    else:
        model_fields = _ClassFields()

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
    ) -> Self:
        """Validate Python data (a mapping, or the text the class accepts) as an object."""
        result: Self = _adapter(cls).validate_python(
            obj, strict=strict, from_attributes=from_attributes, context=context
        )
        return result

    @classmethod
    def model_validate_json(
        cls, json_data: str | bytes | bytearray, *, strict: bool | None = None
    ) -> Self:
        """Validate JSON text as an object."""
        try:
            result: Self = _adapter(cls).validate_json(json_data, strict=strict)
        except ValidationError:
            python_errors_of(json_data, lambda data: cls.model_validate(data, strict=strict))
            raise
        return result

    @classmethod
    def model_construct(cls, **values: Any) -> Self:
        """An object holding ``values``, not validated; a field not given takes its default."""
        fields = cls.model_fields
        ordered = []
        for name, field in fields.items():
            if name in values:
                ordered.append(values[name])
            else:
                ordered.append(field.get_default(call_default_factory=True))
        return fill(cls, tuple(ordered))

    @classmethod
    def model_json_schema(cls, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        """The JSON Schema of the class."""
        return _adapter(cls).json_schema(mode=mode)

    def model_dump(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        include: _Include = None,
        exclude: _Include = None,
        by_alias: bool | None = None,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        round_trip: bool = False,
    ) -> dict[str, Any]:
        """The object as a dict: of Python values, or of JSON values with ``mode="json"``.

        The object keeps no record of which fields its input gave: every field counts as
        set, and ``exclude_unset`` leaves none out (``exclude_defaults`` leaves out those
        holding their default).
        """
        result: dict[str, Any] = _adapter(type(self)).dump_python(
            self,
            mode=mode,
            include=include,
            exclude=exclude,
            by_alias=by_alias,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            round_trip=round_trip,
        )
        return result

    def model_dump_json(
        self,
        *,
        indent: int | None = None,
        include: _Include = None,
        exclude: _Include = None,
        by_alias: bool | None = None,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        round_trip: bool = False,
    ) -> str:
        """The object as JSON text."""
        return (
            _adapter(type(self))
            .dump_json(
                self,
                indent=indent,
                include=include,
                exclude=exclude,
                by_alias=by_alias,
                exclude_unset=exclude_unset,
                exclude_defaults=exclude_defaults,
                exclude_none=exclude_none,
                round_trip=round_trip,
            )
            .decode()
        )

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """A copy, with the fields in ``update`` changed (and validated as when built)."""
        copied: Any = deepcopy(self) if deep else self
        if not update:
            return copied if deep else dataclasses.replace(copied)  # type: ignore[no-any-return]
        return dataclasses.replace(copied, **update)  # type: ignore[no-any-return]


#: A class whose fields the library reads by name: a pydantic model or a :class:`Record`.
ModelClass = type[BaseModel] | type[Record]


def is_model_class(kind: Any) -> TypeGuard[ModelClass]:
    """Whether ``kind`` is a pydantic model class or a :class:`Record` class."""
    return isinstance(kind, type) and issubclass(kind, BaseModel | Record)
