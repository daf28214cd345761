//===----------------------------------------------------------------------===//
//
// Verification of the configuration; see ConfigVerifier.h.
//
//===----------------------------------------------------------------------===//

#include "ConfigVerifier.h"
#include "Checks.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSet.h"

namespace clang::tidy::poolguard {

static constexpr llvm::StringLiteral CheckPrefix = "poolguard-";

std::string closestName(llvm::StringRef Name,
                        llvm::ArrayRef<std::string> Known) {
  // A misspelling is at most a third of the name away (at least 2 edits).
  unsigned Best = std::max<unsigned>(2, Name.size() / 3) + 1;
  std::string Closest;
  for (const std::string &K : Known) {
    unsigned D = Name.edit_distance(K, /*AllowReplacements=*/true, Best);
    if (D < Best) {
      Best = D;
      Closest = K;
    }
  }
  return Closest;
}

static std::vector<std::string> checkNames() {
  std::vector<std::string> Names;
  for (const CheckInfo &C : PoolGuardChecks)
    Names.push_back(C.Name.str());
  return Names;
}

static std::string didYouMean(llvm::StringRef Closest) {
  return Closest.empty() ? "" : ("; did you mean '" + Closest + "'").str();
}

/// The error of the option \p Key, addressed to \p Check (whose options are
/// \p Own), if it is one.
static std::string optionError(llvm::StringRef Key, llvm::StringRef Check,
                               const ClangTidyOptions::OptionMap &Own) {
  std::vector<std::string> Local, Global;
  for (const auto &E : Own) {
    Local.push_back(E.getKey().str());
    Global.push_back(E.getKey().rsplit('.').second.str());
  }
  auto [Prefix, Name] = Key.split('.');
  if (Name.empty()) {
    // A global option: other tools' options are no concern of poolguard's,
    // a near miss of one of this check's option names is.
    if (llvm::is_contained(Global, Key))
      return "";
    std::string Closest = closestName(Key, Global);
    return Closest.empty() ? ""
                           : "unknown check option '" + Key.str() + "'" +
                                 didYouMean(Closest);
  }
  if (Prefix == Check)
    return Own.count(Key) ? ""
                          : "unknown check option '" + Key.str() + "'" +
                                didYouMean(closestName(Key, Local));
  if (!Prefix.starts_with(CheckPrefix) ||
      llvm::is_contained(checkNames(), Prefix.str()))
    return "";
  return "unknown check '" + Prefix.str() + "' in check option '" +
         Key.str() + "'" + didYouMean(closestName(Prefix, checkNames()));
}

std::vector<std::string> unknownOptions(ClangTidyCheck &Check,
                                        llvm::StringRef Name,
                                        const ClangTidyOptions &Options) {
  ClangTidyOptions::OptionMap Own;
  Check.storeOptions(Own);
  std::vector<std::string> Errors;
  std::vector<llvm::StringRef> Keys;
  for (const auto &E : Options.CheckOptions)
    Keys.push_back(E.getKey());
  llvm::sort(Keys);
  for (llvm::StringRef Key : Keys) {
    std::string Error = optionError(Key, Name, Own);
    if (!Error.empty())
      Errors.push_back(std::move(Error));
  }
  return Errors;
}

void verifyCheckOptions(ClangTidyCheck &Check, llvm::StringRef Name,
                        ClangTidyContext &Context) {
  for (const std::string &E : unknownOptions(Check, Name, Context.getOptions()))
    Context.configurationDiag("%0", DiagnosticIDs::Error) << E;
}

/// Whether \p Glob, a positive entry of a Checks value, is meant for
/// poolguard: in its namespace, or a near miss of it ("poolgaurd-*").
static bool meantForPoolGuard(llvm::StringRef Glob) {
  llvm::StringRef Head = Glob.take_front(CheckPrefix.size());
  return Head.edit_distance(CheckPrefix) <= 2 && !Glob.starts_with("*");
}

std::vector<std::string> checkGlobErrors(llvm::StringRef Globs,
                                         bool AllMustMatch) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Errors;
  for (llvm::StringRef Entry : Parts) {
    for (llvm::StringRef Glob : llvm::split(Entry, '\n')) {
      Glob = Glob.trim();
      if (Glob.empty() || Glob.starts_with("-"))
        continue;
      if (!AllMustMatch && !meantForPoolGuard(Glob))
        continue;
      GlobList Matcher(Glob);
      if (llvm::any_of(PoolGuardChecks,
                       [&](const CheckInfo &C) { return Matcher.contains(C.Name); }))
        continue;
      std::string Closest =
          Glob.contains('*') ? "" : closestName(Glob, checkNames());
      Errors.push_back(("'" + Glob + "' in Checks matches no poolguard check" +
                        didYouMean(Closest))
                           .str());
    }
  }
  return Errors;
}

} // namespace clang::tidy::poolguard
