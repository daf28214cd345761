//===----------------------------------------------------------------------===//
//
// Parsing of the JSON poolguard reads (facts, cache entries, the facts index,
// model files, baselines, Drogon configuration): syntax errors and nesting
// deeper than a limit are errors naming the file and line, found while
// parsing (nlohmann/json is used without exceptions, so its own error is a
// flag), so nothing that later walks a parsed value recurses without bound.
// Also a reader of typed fields that reports the first field of the wrong
// type instead of calling a throwing accessor.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_UTILS_JSONSYNTAX_H
#define POOLGUARD_UTILS_JSONSYNTAX_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

namespace clang::tidy::poolguard {

/// The deepest nesting of arrays and objects accepted in JSON that poolguard
/// reads; poolguard's own files nest at most 7 levels.
constexpr unsigned MaxJSONDepth = 64;

/// Parses \p Text (the contents of \p File). Errors:
/// "<File>:<line>: invalid JSON: <what>" and
/// "<File>:<line>: nesting deeper than <MaxDepth> levels"; the depth is
/// checked while parsing, before any value deeper than the limit is built.
llvm::Expected<nlohmann::json> parseJSON(llvm::StringRef Text,
                                         llvm::StringRef File,
                                         bool IgnoreComments = false,
                                         unsigned MaxDepth = MaxJSONDepth);
/// The same, keeping the order of object keys.
llvm::Expected<nlohmann::ordered_json>
parseOrderedJSON(llvm::StringRef Text, llvm::StringRef File,
                 bool IgnoreComments = false, unsigned MaxDepth = MaxJSONDepth);

/// Reads the fields of one JSON object of untrusted data with the accessors
/// that cannot throw, and records the first field that has the wrong type
/// as "<Where>.<key>: expected <type>" (or "<Where>: expected an object").
/// A missing field (or a null where noted) yields the default.
class JSONFieldReader {
public:
  JSONFieldReader(const nlohmann::json &Obj, std::string Where,
                  std::string &Error);

  std::string str(const char *Key);
  bool boolean(const char *Key);
  unsigned uns(const char *Key, unsigned Default = 0);
  /// Missing or null: std::nullopt.
  std::optional<int64_t> optInt(const char *Key);
  /// The member \p Key, or nullptr when it is missing.
  const nlohmann::json *find(const char *Key) const;
  /// Records that \p Key (empty: the object itself) is not \p Expected.
  void fail(llvm::StringRef Key, llvm::StringRef Expected);
  /// Calls \p ReadOne with a reader of each element of the array \p Key
  /// ("<Where>.<Key>[i]" in errors) until the first error; a missing \p Key
  /// has no elements, one that is not an array is an error.
  void each(const char *Key,
            llvm::function_ref<void(JSONFieldReader &)> ReadOne);
  const std::string &where() const { return Where; }
  std::string &error() { return Error; }

private:
  const nlohmann::json &Obj;
  std::string Where;
  std::string &Error;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_UTILS_JSONSYNTAX_H
