//===----------------------------------------------------------------------===//
//
// Facts: what one translation unit says about modules, registrations, pool
// owners and pool creations. Facts are plain data keyed by stable names
// (qualified names, file positions), so TUs merge without ASTs.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_FACTS_H
#define POOLGUARD_FACTS_FACTS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <nlohmann/json_fwd.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// Version of the facts JSON format; an index of another version is refused.
constexpr int FactsFormatVersion = 1;

/// A position in a source file. \c File is absolute; \c Line and \c Column
/// are 1-based (columns in bytes, as clang prints them); \c Offset is the
/// byte offset of the spelling location, used for NOLINT and fixes.
struct SourcePos {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  unsigned Offset = 0;

  bool isValid() const { return !File.empty() && Line != 0; }
};
bool operator<(const SourcePos &A, const SourcePos &B);
bool operator==(const SourcePos &A, const SourcePos &B);

/// A unit that provides services: an Oat++ component class, a Hypodermic
/// registration function, a userver Append* function, a Fruit component...
struct ModuleFact {
  std::string Key;       ///< Stable key, e.g. "fn:AppendDb" or "class:AppComponent".
  std::string Name;      ///< Human-readable name for messages.
  std::string Framework; ///< Model name that declared it.
  SourcePos Loc;
};

/// One place where a module provides a service type.
struct RegistrationFact {
  std::string Service;   ///< Qualified name of the provided (concrete) type.
  std::string Interface; ///< Qualified name it is exposed as, if any.
  std::string Module;    ///< ModuleFact::Key of the providing module.
  std::string Framework; ///< Model name.
  /// How the framework scopes instances; decides whether two registrations
  /// are two instances. One of: "per-registration", "per-name", "per-type",
  /// "per-module", "per-injector", "global", "per-consumer" (a factory that
  /// makes an instance for each consumer: several by itself).
  std::string Lifetime;
  std::string InstanceName; ///< userver component name, Oat++ qualifier...
  std::string Container;    ///< Injector/container key, when known.
  bool PoolCreatedByProvider = false; ///< The provider itself creates a pool.
  /// The database this instance is given where it is made, when the
  /// registration says (a construction's constant connection string
  /// argument); the identity key of PoolCreationFact::Database.
  std::string Database;
  /// The programs the registration is made in: the main file of the TU
  /// that defines `main`, or the executables the build links the TU into
  /// (';'-separated CMake target names, from the File API); empty when
  /// unknown, a library that every program may link.
  std::string Program;
  /// Why the code making the registration runs again and again (as
  /// PoolCreationFact::Repeats): every run makes new instances. Such a
  /// registration is poolguard-pool-per-call's, not counted as an instance
  /// by the other checks. A construction of a pool owner outside a
  /// composition root is recorded only when it repeats.
  std::string Repeats;
  SourcePos Loc;
};

/// A module using another module's services instead of providing its own.
struct ImportFact {
  std::string Module;
  std::string Imported;
  SourcePos Loc;
  /// The import builds an injector (a Fruit fruit::Injector): each injector
  /// makes its own instance of a per-injector registration it reaches.
  bool Injector = false;
  /// With Injector: why the code building the injector runs again and again
  /// (as PoolCreationFact::Repeats); each run builds new instances.
  std::string Repeats;
};

/// A type that holds a pool, and why.
struct PoolOwnerFact {
  std::string Type;   ///< Qualified name of the owner.
  std::string Reason; ///< e.g. "member 'pool_' of type 'soci::connection_pool'".
  SourcePos Loc;      ///< The member, base or creation site that makes it one.
};

/// An instance of \c Owner makes its own instance of \c Held, a pool owner:
/// a member held by value, in a std::optional or std::unique_ptr, or a
/// std::shared_ptr the class fills itself (std::make_shared, std::make_unique,
/// new). Every instance of the owner is one more instance of the held type.
struct HoldingFact {
  std::string Owner;  ///< Qualified name of the holding class.
  std::string Held;   ///< Qualified name of the held pool owner.
  std::string Member; ///< The member's name.
  SourcePos Loc;      ///< The member's declaration.
};

/// One place that creates a connection pool.
struct PoolCreationFact {
  std::string Library; ///< Model name of the pool library ("soci", "oatpp").
  std::string Callee;  ///< Qualified name of the creating function/type.
  std::optional<int64_t> Size; ///< Maximum connections when known.
  std::string SizeText;        ///< The size expression as written.
  bool SizeIsDefault = false;  ///< Size taken from the library's default.
  bool Unbounded = false;      ///< The library has no maximum (taoPQ).
  /// One connection per thread that runs the creation (Qt connections named
  /// per thread); also Unbounded.
  bool PerThread = false;
  bool SizeIsInitialCache = false; ///< sqlpp11: the size is not a maximum.
  std::string Database;     ///< Database identity key; empty when unknown.
  std::string DatabaseText; ///< The identity as shown to users.
  std::string OwnerType;    ///< Class whose member function creates the pool.
  std::string Module;       ///< Enclosing module key, when any.
  std::string Function;     ///< Qualified name of the enclosing function.
  unsigned Multiplier = 1;  ///< Connections per configured connection.
  std::string MultiplierReason;
  /// When set, the multiplier is the program's value of this setting
  /// (SettingFact::Name, e.g. "drogon.loops"); \c Multiplier is used only
  /// when no TU records the setting.
  std::string MultiplierSetting;
  /// Creations with the same non-empty Instance are one pool that the
  /// framework creates once, wherever it is declared: a userver component
  /// name ("userver:postgres-db"), a Drogon db_client name.
  std::string Instance;
  /// Why the code creating the pool runs again and again ("in a loop body",
  /// "a Drogon controller handles requests"): a new pool every time. Empty
  /// for code that runs once as far as poolguard knows.
  std::string Repeats;
  /// As RegistrationFact::Program.
  std::string Program;
  SourcePos Loc;
};

/// A program-wide setting that pool multipliers depend on, set in code
/// (`app().setThreadNum(4)`) or in a configuration file (`"threads_num": 4`),
/// or the framework's default when nothing sets it.
struct SettingFact {
  std::string Name;   ///< e.g. "drogon.loops" (IO loops plus the main loop).
  int64_t Value = 0;
  std::string Text;   ///< How it was set, for messages: "setThreadNum(4)".
  bool IsDefault = false; ///< The framework's default; any other value wins.
  SourcePos Loc;
};

/// Everything one translation unit (or, after merging, the program) says.
struct Facts {
  std::vector<std::string> TranslationUnits; ///< Main files that contributed.
  std::vector<ModuleFact> Modules;
  std::vector<RegistrationFact> Registrations;
  std::vector<ImportFact> Imports;
  std::vector<PoolOwnerFact> PoolOwners;
  std::vector<HoldingFact> Holdings;
  std::vector<PoolCreationFact> PoolCreations;
  std::vector<SettingFact> Settings;
  /// Configuration files (absolute paths) the facts were read from, besides
  /// the sources: a cache of a TU's facts must depend on them too.
  std::vector<std::string> ConfigFiles;

  bool empty() const {
    return Modules.empty() && Registrations.empty() && Imports.empty() &&
           PoolOwners.empty() && Holdings.empty() && PoolCreations.empty() &&
           Settings.empty();
  }
};

/// Serializes \p F as compact JSON with stable key order.
std::string toJSON(const Facts &F);

/// Parses facts written by toJSON. \p Origin names the input in errors.
llvm::Expected<Facts> factsFromJSON(llvm::StringRef Text,
                                    llvm::StringRef Origin);

/// The JSON value toJSON writes, and its reader, for documents that embed
/// facts (the tool's map results) without a text round trip.
nlohmann::json factsToJSONValue(const Facts &F);
llvm::Expected<Facts> factsFromJSONValue(const nlohmann::json &Root,
                                         llvm::StringRef Origin);

/// Calls \p Fn on every file path of \p F (positions, translation units,
/// configuration files, and the programs named by the main file of one of
/// its translation units), empty ones included, for callers that rename
/// files (facts files with paths relative to a root). Programs named by the
/// build (CMake target names) are not paths and are left alone.
void forEachPath(Facts &F, llvm::function_ref<void(std::string &)> Fn);

/// Merges \p Parts into one set of facts: the union, sorted by stable keys,
/// with identical facts (a header seen by several TUs) kept once. The result
/// does not depend on the order of \p Parts.
Facts mergeFacts(std::vector<Facts> Parts);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_FACTS_H
