//===- ImplMatcher.h - How well library implementations fit an op -*- C++ -*-===//
//
// The scoring behind --aidge-match-impl (Aidge's get_best_match and
// get_best_adaptation), for the pass and for other callers such as the
// Python package, so that both always choose alike.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_DIALECT_AIDGE_TRANSFORMS_IMPLMATCHER_H
#define AIDGE_DIALECT_AIDGE_TRANSFORMS_IMPLMATCHER_H

#include "aidge/ExportLib/ExportLib.h"
#include "llvm/ADT/StringMap.h"
#include <optional>

namespace mlir::aidge {

/// How an implementation fits an op: how many casts and transposes it
/// needs, and how many of its constraints the op meets exactly.
struct ImplFit {
  const Implementation *impl = nullptr;
  int64_t priority = 0;
  unsigned adaptations = 0;
  unsigned specificity = 0;
};

/// What an operand or result must become to fit an IOSpec.
struct ValueTarget {
  Type elementType;
  DataFormat format;
};

/// The IOSpec that applies to operand or result `index`: the last one is
/// reused, and an empty list accepts anything.
const IOSpec &getIOSpecFor(const std::vector<IOSpec> &list, size_t index);

/// Whether the stored order of `op`'s operands and results may change:
/// channel-aware ops, and element-wise ops whose operands all have the
/// result's rank (so no broadcast depends on the order).
bool canChangeFormat(Operation *op);

/// The spec an op requires (Aidge's get_required_spec): exactly its
/// operands' and results' types, formats and shapes.
ImplSpecAttr getRequiredSpec(Operation *op);

class ImplMatcher {
public:
  ImplMatcher(const ExportLib &lib, MLIRContext *context)
      : lib(lib), context(context) {}

  const ExportLib &getLib() const { return lib; }

  /// The best-fitting implementation of `op`, or nullopt: fewest
  /// adaptations, then highest priority, then most constrained, then first
  /// registered. With `exactOnly` an implementation that needs an
  /// adaptation does not fit.
  std::optional<ImplFit> bestFit(Operation *op, bool exactOnly);

  /// What a value of `type` must become to fit `io` (its format may change
  /// only when `formatFree`), counting the adaptation or the exact match
  /// into `fit`; nullopt when it cannot fit.
  std::optional<ValueTarget> fitValue(Type type, const IOSpec &io,
                                      bool formatFree, ImplFit &fit);

private:
  Type parseDtype(const IOSpec &io);
  Attribute parseAttr(StringRef text);

  const ExportLib &lib;
  MLIRContext *context;
  /// Spec texts parsed once, not once per op and implementation.
  llvm::StringMap<Type> dtypes;
  llvm::StringMap<Attribute> attrs;
};

} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_TRANSFORMS_IMPLMATCHER_H
