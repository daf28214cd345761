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
  return ReadAfterNs >= std::numeric_limits<int64_t>::min() + RacyWindowNs &&
         Recorded.MTimeNs < ReadAfterNs - RacyWindowNs;
}

std::string dependenciesToText(const Dependencies &Deps) {
  std::string Text;
  auto Field = [&](llvm::StringRef F) {
    Text += F;
    Text += '\0';
  };
  Field(Deps.ReadAfterNs ? std::to_string(*Deps.ReadAfterNs) : "");
  for (const Dependency &D : Deps.Files) {
    Field(D.Path);
    Field(D.Hash);
    Field(D.Stamp ? std::to_string(D.Stamp->Size) : "");
    Field(D.Stamp ? std::to_string(D.Stamp->MTimeNs) : "");
  }
  return Text;
}

/// \p Field as a decimal number of type \p T, if it is one in range.
template <typename T> static std::optional<T> decimal(llvm::StringRef Field) {
  T Value;
  // Radix 10: no "0x" prefix; a '-' only for a signed type; no space.
  if (Field.empty() || Field.getAsInteger(10, Value))
    return std::nullopt;
  return Value;
}

std::optional<Dependencies> dependenciesFromText(llvm::StringRef Text) {
  // Every field ends with NUL: a truncated entry is no entry.
  if (!Text.ends_with(llvm::StringRef("\0", 1)))
    return std::nullopt;
  llvm::SmallVector<llvm::StringRef, 0> Fields;
  Text.drop_back().split(Fields, '\0');
  if (Fields.size() < 5 || (Fields.size() - 1) % 4 != 0)
    return std::nullopt;
  Dependencies Deps;
  Deps.ReadAfterNs = decimal<int64_t>(Fields[0]);
  Deps.Files.reserve((Fields.size() - 1) / 4);
  for (size_t I = 1; I < Fields.size(); I += 4) {
    Dependency D{Fields[I].str(), Fields[I + 1].str(), std::nullopt};
    std::optional<uint64_t> Size = decimal<uint64_t>(Fields[I + 2]);
    std::optional<int64_t> MTime = decimal<int64_t>(Fields[I + 3]);
    if (Size && MTime)
      D.Stamp = FileStamp{*Size, *MTime};
    Deps.Files.push_back(std::move(D));
  }
  return Deps;
}

std::string entryText(const TUResult &R, const Dependencies &Deps) {
  return resultToJSON(R).dump(-1, ' ', false, json::error_handler_t::replace) +
         "\n" + dependenciesToText(Deps);
}

llvm::Expected<TUResult> resultFromEntry(llvm::StringRef Entry,
                                         llvm::StringRef Origin) {
  auto J = clang::tidy::poolguard::parseJSON(splitEntry(Entry).first, Origin);
  if (!J)
    return J.takeError();
  return resultFromJSON(*J, Origin, "");
}

std::pair<llvm::StringRef, llvm::StringRef> splitEntry(llvm::StringRef Entry) {
  return Entry.split('\n');
}

json resultToJSON(const TUResult &R) {
  json Diags = json::array();
  for (const ReportDiagnostic &D : R.Diagnostics)
    Diags.push_back(json(diagnosticToJSON(D, /*WithOffsets=*/true)));
  json Facts = factsToJSONValue(R.Facts);
  return {{"version", POOLGUARD_VERSION},
          {"file", R.File},
          {"failed", R.Failed},
          {"error", R.Error},
          {"diagnostics", Diags},
          {"facts", Facts},
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
