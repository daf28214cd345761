//===----------------------------------------------------------------------===//
//
// Run-time instances: which registrations denote one instance under their
// framework's lifetime rules, how many instances of a service a program makes,
// and which pool creations are one pool of a database.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_INSTANCES_H
#define POOLGUARD_FACTS_INSTANCES_H

#include "facts/Facts.h"
#include "models/Model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <map>
#include <set>
#include <string>
#include <vector>

namespace clang::tidy::poolguard {

/// The name messages show for the module \p Key ("fn:AppendDb",
/// "class:AppComponent"): its recorded name, else the key without its kind.
std::string moduleName(const Facts &F, llvm::StringRef Key);

/// The first pool-ownership reason of each type (PoolOwnerFact), by location.
std::map<std::string, const PoolOwnerFact *> poolOwners(const Facts &F);

/// The lifetime RegistrationFact::Lifetime names; a name poolguard does not
/// know (facts of another version) is per-registration, the safe reading.
LifetimeKind lifetimeOf(const RegistrationFact &R);

/// The instance a registration denotes, under the framework's lifetime rules:
/// two registrations with the same key are one instance at run time.
std::string instanceKey(const RegistrationFact &R);

/// Of \p Instances (one registration per instance of \p Service), those
/// that may reach the same database as another: all of them when the class
/// fixes its database itself (a pool creation of the class with a known
/// database), else those whose database, given where the instance is made
/// (RegistrationFact::Database, a userver component's configured pool), is
/// unknown or shared. Instances given provably different databases are
/// correct code.
std::vector<const RegistrationFact *>
instancesSharingDatabase(const Facts &F, llvm::StringRef Service,
                         llvm::ArrayRef<const RegistrationFact *> Instances);

/// The pool creation that is the instance \p R names itself, when the
/// configuration joins made one with a known database (a userver
/// `components::Postgres` under a name whose block gives its
/// `dbconnection`): poolguard-repeated-pool reports such pools by database.
/// Null otherwise.
const PoolCreationFact *namedInstancePool(const Facts &F,
                                          const RegistrationFact &R);

/// The programs of \p F: the distinct names in RegistrationFact::Program
/// and PoolCreationFact::Program (';'-separated lists), sorted; {""} (the whole of \p F, one
/// program) when there are fewer than two.
std::vector<std::string> programsOf(const Facts &F);

/// Whether a fact of \p FactProgram (a ';'-separated list: a library the
/// build links into several executables) belongs to \p Program: its own facts,
/// and those of TUs without `main` (libraries every program may link);
/// every fact belongs to the program "".
bool inProgram(llvm::StringRef FactProgram, llvm::StringRef Program);

/// For each program of \p F, its name and its facts (registrations and
/// pool creations that belong to it).
std::vector<std::pair<std::string, Facts>> factsPerProgram(const Facts &F);

/// The identity (Finding::Key) of a group finding about \p Key in
/// \p Program: \p Key itself for the whole program (""), else \p Key and
/// the program, so that the same group formed in two programs is two
/// findings with two fingerprints.
std::string programKey(llvm::StringRef Key, llvm::StringRef Program);

/// \p Key (from programKey) with the program, when it is an absolute path
/// (the main file of the TU that roots it), relative to \p Root: the form
/// fingerprints hash, the same in every checkout. CMake target names are
/// kept.
std::string keyRelativeToRoot(llvm::StringRef Key, llvm::StringRef Root);

/// The instances of each registered service, and of each pool owner that
/// other classes hold (HoldingFact), indexed once per computation. \p F must
/// outlive the index.
class InstanceIndex {
public:
  /// Over the registrations of \p Program (all of them by default).
  explicit InstanceIndex(const Facts &F, llvm::StringRef Program = "");

  /// How many instances of \p Type the registrations and the holders create
  /// (1 when nothing says), with a reason for messages in \p Reason.
  unsigned count(llvm::StringRef Type, std::string *Reason) const;

  /// The instances of \p Type known to exist: one per instance key of its
  /// registrations, plus the known instances of each class holding its own
  /// \p Type, transitively; 0 when nothing makes one (a class no root,
  /// framework or holder builds).
  unsigned known(llvm::StringRef Type) const;

  /// The holdings of \p Type (classes making their own instance of it), in
  /// location order.
  llvm::ArrayRef<const HoldingFact *> holders(llvm::StringRef Type) const;

  /// The number of distinct instances \p Type's registrations denote.
  unsigned registered(llvm::StringRef Type) const;

private:
  unsigned known(llvm::StringRef Type, std::set<std::string> &Visiting,
                 bool &HitCycle) const;

  struct Entry {
    std::set<std::string> Keys, Modules;
  };
  llvm::StringMap<Entry> Services;
  llvm::StringMap<std::vector<const HoldingFact *>> HeldBy;
  /// known() of the types computed without meeting a cycle: shared holders
  /// (diamonds) are counted once, not once per path.
  mutable llvm::StringMap<unsigned> Known;
};

/// Pool creations grouped by database identity, each group in location
/// order; creations that are one pool at run time appear once. Creations with
/// an unknown identity are left out. Only those of \p Program (default: all).
std::map<std::string, std::vector<const PoolCreationFact *>>
poolsByDatabase(const Facts &F, llvm::StringRef Program = "");

/// The pool creations of \p Program with an unknown database, each site
/// once.
std::vector<const PoolCreationFact *>
poolsOfUnknownDatabase(const Facts &F, llvm::StringRef Program = "");

/// The server ("db:host:port") of the database key \p DatabaseKey
/// ("db:host:port/name"); empty when the key names no server (an SQLite
/// file, an environment variable, an expression).
std::string serverOf(llvm::StringRef DatabaseKey);

/// The database of \p C as messages show it.
std::string databaseText(const PoolCreationFact &C);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_INSTANCES_H
