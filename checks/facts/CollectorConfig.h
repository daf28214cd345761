//===----------------------------------------------------------------------===//
//
// The part of the facts collector that joins code with configuration files:
// userver components appended under a name get their pool's database and
// size from that name's block in static_config.yaml; the db_clients of the
// Drogon config file that loadConfigFile names are pools; setThreadNum and
// threads_num set the thread count fast clients multiply by. Driven by the
// models' "configPools" and "settings" sections.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_COLLECTORCONFIG_H
#define POOLGUARD_FACTS_COLLECTORCONFIG_H

#include "facts/ConfigFiles.h"
#include "facts/Facts.h"
#include "models/Model.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/StringMap.h"
#include <memory>

namespace clang::tidy::poolguard {

/// Collects the configuration joins of one TU at a time.
class ConfigJoin {
public:
  explicit ConfigJoin(std::shared_ptr<const ModelSet> Models);

  /// Configuration files named by the ConfigFiles option. YAML files
  /// (`.yaml`, `.yml`) replace the discovery of userver static configs beside
  /// the sources; JSON files are used for Drogon loadConfigFile calls whose
  /// argument is not a constant.
  void setConfigFiles(std::vector<std::string> Files) {
    OptionFiles = std::move(Files);
  }

  /// Adds the matchers of setting and config-loading calls.
  void registerMatchers(ast_matchers::MatchFinder &Finder,
                        ast_matchers::MatchFinder::MatchCallback *Callback);

  /// Handles a match of registerMatchers(); false when \p Result is not one.
  bool run(const ast_matchers::MatchFinder::MatchResult &Result);

  /// Called for each registration the collector records: names an unnamed
  /// userver component by its `kName` and remembers the join.
  void registration(RegistrationFact &R, QualType Service, ASTContext &Ctx);

  /// Reads the configuration files and adds this TU's configured pools,
  /// settings and the files read to \p F. Resets the per-TU state.
  void finish(Facts &F);

  /// Errors met so far (malformed or unreadable configuration files), each
  /// naming the file, line and key; cleared by the call.
  std::vector<std::string> takeErrors() { return std::move(Errors); }

  /// A userver component waiting for its configuration.
  struct PendingComponent {
    RegistrationFact Registration;
    const ConfigPoolModel *Model = nullptr;
  };

private:
  struct PendingLoad {
    std::string File; ///< As written; empty when not a constant.
    std::string Function;
    SourcePos Loc;
    const ConfigPoolModel *Model = nullptr;
  };

  std::shared_ptr<const ConfigFile> read(const std::string &Path, bool YAML);
  std::vector<std::string> staticConfigFiles();
  void joinComponents(Facts &F);
  void joinLoads(Facts &F);
  std::string loadedPath(const PendingLoad &L) const;
  llvm::Expected<PoolCreationFact> clientPool(const ConfigNode &Client,
                                              size_t Index,
                                              const PendingLoad &L,
                                              llvm::StringRef Path);
  void addDefaultSettings(Facts &F);
  void importClient(const CallExpr *Call);

  std::shared_ptr<const ModelSet> Models;
  std::vector<std::string> OptionFiles;
  std::vector<std::string> Errors;
  /// Files read, by absolute path; a failed read is cached as null.
  llvm::StringMap<std::shared_ptr<const ConfigFile>> Cache;

  // Per TU.
  ASTContext *Ctx = nullptr;
  std::string MainFile;
  std::string WorkingDir;
  std::vector<PendingComponent> Components;
  std::vector<PendingLoad> Loads;
  std::vector<SettingFact> Settings;
  std::vector<ImportFact> Imports;
  std::vector<std::string> FilesRead;
};

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_COLLECTORCONFIG_H
