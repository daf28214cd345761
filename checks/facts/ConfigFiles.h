//===----------------------------------------------------------------------===//
//
// Configuration files that declare pools outside C++: userver's
// static_config.yaml (read with LLVM's YAML parser) and Drogon's config.json
// (read with nlohmann/json, comments allowed as JsonCpp does). Both are read
// into one small tree with line numbers, so the joins in CollectorConfig.cpp
// do not depend on the syntax.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_CONFIGFILES_H
#define POOLGUARD_FACTS_CONFIGFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang::tidy::poolguard {

/// A node of a configuration file: a scalar, a mapping or a sequence.
struct ConfigNode {
  enum NodeKind { CN_Null, CN_Scalar, CN_Map, CN_Sequence };
  NodeKind Kind = CN_Null;
  std::string Value; ///< Scalars: the text ("true", "15", "postgresql://").
  std::vector<std::pair<std::string, ConfigNode>> Entries; ///< Mappings.
  std::vector<ConfigNode> Items;                           ///< Sequences.
  unsigned Line = 0; ///< 1-based; 0 when the reader does not know it (JSON).

  /// The value of mapping key \p Key, or null.
  const ConfigNode *get(llvm::StringRef Key) const;
  /// Follows a '.'-separated path of mapping keys ("pool_settings.max_size").
  const ConfigNode *path(llvm::StringRef Dotted) const;
  /// The scalar's text, if this is a scalar.
  std::optional<std::string> scalar() const;
  /// The scalar as an integer, if it is one.
  std::optional<int64_t> integer() const;
  /// The scalar as a boolean (true/false, yes/no, 1/0), if it is one.
  std::optional<bool> boolean() const;
};

/// One configuration file read into a tree.
struct ConfigFile {
  std::string Path; ///< Absolute.
  ConfigNode Root;
};

/// Reads a YAML file (the first document) with llvm/Support/YAMLParser.h.
/// A syntax error is reported as "<file>:<line>:<column>: <message>".
llvm::Expected<std::shared_ptr<const ConfigFile>>
readYAMLConfig(llvm::StringRef Path);

/// Reads a JSON file, allowing comments. A syntax error is reported as
/// "<file>:<line>: <message>".
llvm::Expected<std::shared_ptr<const ConfigFile>>
readJSONConfig(llvm::StringRef Path);

/// Parses YAML text; \p Path names it in errors.
llvm::Expected<std::shared_ptr<const ConfigFile>>
parseYAMLConfig(llvm::StringRef Text, llvm::StringRef Path);

/// Parses JSON text (comments allowed); \p Path names it in errors.
llvm::Expected<std::shared_ptr<const ConfigFile>>
parseJSONConfig(llvm::StringRef Text, llvm::StringRef Path);

/// The number of hosts a database URI or libpq keyword string lists:
/// "postgresql://a:5432,b:5432/db" and "host=a,b dbname=db" give 2; one
/// host, or none, gives 1.
unsigned countDsnHosts(llvm::StringRef Dsn);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_CONFIGFILES_H
