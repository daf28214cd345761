//===----------------------------------------------------------------------===//
//
// Reading map results (cache entries, worker outputs, --facts-out files); see
// Results.h. Everything read here is untrusted input.
//
//===----------------------------------------------------------------------===//

#include "Results.h"
#include "utils/JSONSyntax.h"
#include "utils/Paths.h"
#include "llvm/Support/Path.h"
#include <limits>

namespace poolguard {

using clang::tidy::poolguard::factsFromJSONValue;
using clang::tidy::poolguard::JSONFieldReader;
using nlohmann::json;

nlohmann::ordered_json diagnosticToJSON(const ReportDiagnostic &D,
                                        bool WithOffsets) {
  using json = nlohmann::ordered_json;
  json Notes = json::array();
  for (const ReportNote &N : D.Notes) {
    json Note = {{"message", N.Message},
                 {"file", N.File},
                 {"line", N.Line},
                 {"column", N.Column}};
    if (WithOffsets)
      Note["offset"] = N.Offset;
    Notes.push_back(std::move(Note));
  }
  json Fixes = json::array();
  for (const ReportFix &F : D.Fixes) {
    json Fix = {{"file", F.File},
                {"offset", F.Offset},
                {"length", F.Length},
                {"replacement", F.Replacement}};
    if (WithOffsets && !F.FileHash.empty())
      Fix["fileHash"] = F.FileHash;
    Fixes.push_back(std::move(Fix));
  }
  json J = {{"check", D.Check},     {"severity", D.Severity},
            {"message", D.Message}, {"file", D.File},
            {"line", D.Line},       {"column", D.Column}};
  if (WithOffsets)
    J["offset"] = D.Offset;
  J["notes"] = std::move(Notes);
  J["fixes"] = std::move(Fixes);
  return J;
}

/// Reads one diagnostic of a result; the first field of the wrong type is
/// recorded by \p R.
static ReportDiagnostic diagFromJSON(JSONFieldReader &R) {
  ReportDiagnostic D;
  D.Check = R.str("check");
  D.Severity = R.str("severity");
  D.Message = R.str("message");
  D.File = R.str("file");
  D.Line = R.uns("line");
  D.Column = R.uns("column");
  D.Offset = R.uns("offset");
  R.each("notes", [&](JSONFieldReader &N) {
    D.Notes.push_back({N.str("message"), N.str("file"), N.uns("line"),
                       N.uns("column"), N.uns("offset")});
  });
  R.each("fixes", [&](JSONFieldReader &F) {
    D.Fixes.push_back({F.str("file"), F.uns("offset"), F.uns("length"),
                       F.str("replacement"), F.str("fileHash")});
  });
  return D;
}

/// Reads one TU's result (a cache entry, a worker's output, or one of the
/// results of a facts file, named \p Where in errors).
llvm::Expected<TUResult> resultFromJSON(const json &J, llvm::StringRef Origin,
                                         const std::string &Where) {
  auto Invalid = [&](const std::string &Why) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "%s: invalid result: %s",
                                   Origin.str().c_str(), Why.c_str());
  };
  std::string Error;
  JSONFieldReader Fields(J, Where, Error);
  std::string Version = Fields.str("version");
  if (Error.empty() && Version != POOLGUARD_VERSION)
    return Invalid((Where.empty() ? "" : Where + ".") + "version: '" + Version +
                   "' is not this poolguard's (" POOLGUARD_VERSION ")");
  TUResult R;
  R.File = Fields.str("file");
  R.Failed = Fields.boolean("failed");
  R.Error = Fields.str("error");
  R.ReparsedInFull = Fields.boolean("reparsedInFull");
  R.SuppressedByNolint = Fields.uns("nolintSuppressed");
  const std::string Prefix = Where.empty() ? "" : Where + ".";
  if (const json *Errors = Fields.find("configErrors")) {
    if (!Errors->is_array())
      Fields.fail("configErrors", "an array of strings");
    for (const json &E : Errors->is_array() ? *Errors : json::array()) {
      if (!E.is_string()) {
        Fields.fail("configErrors", "an array of strings");
        break;
      }
      R.ConfigErrors.push_back(E.get<std::string>());
    }
  }
  Fields.each("diagnostics", [&](JSONFieldReader &D) {
    R.Diagnostics.push_back(diagFromJSON(D));
  });
  if (!Error.empty())
    return Invalid(Error);
  const json *FactsJ = Fields.find("facts");
  if (!FactsJ)
    return Invalid(Prefix + "facts: missing");
  auto F = factsFromJSONValue(*FactsJ, Origin);
  if (!F)
    return F.takeError();
  R.Facts = std::move(*F);
  return R;
}

bool stampProvesUnchanged(const FileStamp &Recorded, const FileStamp &Current,
                          int64_t ReadAfterNs, int64_t NowNs) {
  if (!(Recorded == Current) || ReadAfterNs > NowNs)
    return false;
  // Recorded.MTimeNs < ReadAfterNs - RacyWindowNs, without overflow.
  return ReadAfterNs >=
             std::numeric_limits<int64_t>::min() + RacyWindowNs &&
         Recorded.MTimeNs < ReadAfterNs - RacyWindowNs;
}

// Each file is an array, [path, hash] or [path, hash, size, mtime]: entries
// list hundreds of files (the headers a TU read and the places where a new
// header would shadow one), and the driver parses every entry on every run.
json dependenciesToJSON(const Dependencies &Deps) {
  json Files = json::array();
  for (const Dependency &D : Deps.Files) {
    json F = json::array({D.Path, D.Hash});
    if (D.Stamp) {
      F.push_back(D.Stamp->Size);
      F.push_back(D.Stamp->MTimeNs);
    }
    Files.push_back(std::move(F));
  }
  json J = {{"files", std::move(Files)}};
  if (Deps.ReadAfterNs)
    J["readAfter"] = *Deps.ReadAfterNs;
  return J;
}

/// \p J as an int64_t, if it is an integer in range.
static std::optional<int64_t> int64Of(const json &J) {
  if (J.is_number_unsigned()) {
    if (J.get<uint64_t>() > uint64_t(std::numeric_limits<int64_t>::max()))
      return std::nullopt;
    return int64_t(J.get<uint64_t>());
  }
  if (J.is_number_integer())
    return J.get<int64_t>();
  return std::nullopt;
}

std::optional<Dependencies> dependenciesFromJSON(const json &J) {
  if (!J.is_object())
    return std::nullopt;
  auto Files = J.find("files");
  if (Files == J.end() || !Files->is_array() || Files->empty())
    return std::nullopt;
  Dependencies Deps;
  if (auto ReadAfter = J.find("readAfter"); ReadAfter != J.end())
    Deps.ReadAfterNs = int64Of(*ReadAfter);
  for (const json &F : *Files) {
    if (!F.is_array() || F.size() < 2 || !F[0].is_string() ||
        !F[1].is_string())
      return std::nullopt;
    Dependency D{F[0].get<std::string>(), F[1].get<std::string>(),
                 std::nullopt};
    if (F.size() == 4) {
      std::optional<int64_t> Size = int64Of(F[2]), MTime = int64Of(F[3]);
      if (Size && *Size >= 0 && MTime)
        D.Stamp = FileStamp{uint64_t(*Size), *MTime};
    }
    Deps.Files.push_back(std::move(D));
  }
  return Deps;
}

json resultToJSON(const TUResult &R, const Dependencies &Deps) {
  json Diags = json::array();
  for (const ReportDiagnostic &D : R.Diagnostics)
    Diags.push_back(json(diagnosticToJSON(D, /*WithOffsets=*/true)));
  json Facts = factsToJSONValue(R.Facts);
  return {{"version", POOLGUARD_VERSION}, {"file", R.File},
          {"failed", R.Failed},           {"error", R.Error},
          {"diagnostics", Diags},         {"facts", Facts},
          {"deps", dependenciesToJSON(Deps)},
          {"configErrors", R.ConfigErrors},
          {"reparsedInFull", R.ReparsedInFull},
          {"nolintSuppressed", R.SuppressedByNolint}};
}

void forEachPath(TUResult &R, llvm::function_ref<void(std::string &)> Fn) {
  Fn(R.File);
  for (ReportDiagnostic &D : R.Diagnostics) {
    Fn(D.File);
    for (ReportNote &N : D.Notes)
      Fn(N.File);
    for (ReportFix &F : D.Fixes)
      Fn(F.File);
  }
  clang::tidy::poolguard::forEachPath(R.Facts, Fn);
}

void relativizePaths(TUResult &R, llvm::StringRef Root,
                     const llvm::StringMap<std::string> &Aliases) {
  forEachPath(R, [&](std::string &Path) {
    if (!llvm::sys::path::is_absolute(Path))
      return;
    auto Alias = Aliases.find(Path);
    std::string Rel = clang::tidy::poolguard::relativeToRoot(
        Alias == Aliases.end() ? Path : Alias->second, Root);
    if (!llvm::sys::path::is_absolute(Rel))
      Path = std::move(Rel);
  });
}

void absolutizePaths(TUResult &R, llvm::StringRef Root) {
  forEachPath(R, [&](std::string &Path) {
    if (!Path.empty() && !llvm::sys::path::is_absolute(Path))
      Path = clang::tidy::poolguard::absolutePath(Path, Root);
  });
}

} // namespace poolguard
