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

/// The instance a registration denotes, under the framework's lifetime rules:
/// two registrations with the same key are one instance at run time.
std::string instanceKey(const RegistrationFact &R);

/// The instances of each registered service, indexed once per computation.
class InstanceIndex {
public:
  explicit InstanceIndex(const Facts &F);

  /// How many instances of \p Type the registrations create (1 when the type
  /// is not registered), with a reason for messages in \p Reason.
  unsigned count(llvm::StringRef Type, std::string *Reason) const;

private:
  struct Entry {
    std::set<std::string> Keys, Modules;
  };
  llvm::StringMap<Entry> Services;
};

/// Pool creations grouped by database identity, each group in location
/// order; creations that are one pool at run time appear once. Creations with
/// an unknown identity are left out.
std::map<std::string, std::vector<const PoolCreationFact *>>
poolsByDatabase(const Facts &F);

/// The database of \p C as messages show it.
std::string databaseText(const PoolCreationFact &C);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_INSTANCES_H
