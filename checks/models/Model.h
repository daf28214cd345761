//===----------------------------------------------------------------------===//
//
// Framework models: how a framework declares modules, registers services,
// imports modules and creates pools, as data loaded from JSON model files.
// The format is documented in docs/models.md.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_MODELS_MODEL_H
#define POOLGUARD_MODELS_MODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// Where a value (service type, size, DSN, name) comes from at a call site.
struct ValueSource {
  /// "templateArg", "arg", "argType", "argPointee", "lambdaReturn",
  /// "lambdaReturnPointee", "field", "default", "literal" ...
  std::string From;
  int Index = 0;            ///< Template argument or call argument index.
  std::string Field;        ///< Designated-initializer field, for "field".
  std::optional<int64_t> Default; ///< Value when the argument is absent.
};

/// A call, constructor or macro-expanded member that registers a service.
struct RegistrationModel {
  std::string Callee; ///< Qualified name of the function or type.
  ValueSource Service;
  std::optional<ValueSource> Interface;
  std::optional<ValueSource> Name;
  std::string Module;   ///< "enclosingFunction", "enclosingClass", ...
  std::string Lifetime; ///< See RegistrationFact::Lifetime.
};

/// A call that makes a module use another module.
struct ImportModel {
  std::string Callee;
  ValueSource Imported;
};

/// A call or constructor that creates a connection pool.
struct PoolModel {
  std::string Callee; ///< Qualified name of the function or constructor type.
  std::string Library;
  std::optional<ValueSource> Size;
  std::optional<ValueSource> Dsn;
  std::optional<int64_t> DefaultSize;
  bool Unbounded = false;
  bool SizeIsInitialCache = false;
};

/// One model file.
struct Model {
  std::string Name;
  std::string File;
  std::vector<RegistrationModel> Registrations;
  std::vector<ImportModel> Imports;
  std::vector<PoolModel> Pools;
  std::vector<std::string> PoolTypes; ///< Qualified names of pool types.
};

/// The built-in models plus the user's.
struct ModelSet {
  std::vector<Model> Models;
};

/// Parses and validates one model file. Errors name the file, the line and
/// the offending key.
llvm::Expected<Model> parseModel(llvm::StringRef Text, llvm::StringRef File);

/// Loads the built-in models and \p ExtraFiles. Results are cached per list
/// of files, so every check in every TU of one process shares them.
llvm::Expected<std::shared_ptr<const ModelSet>>
loadModels(llvm::ArrayRef<std::string> ExtraFiles);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_MODELS_MODEL_H
