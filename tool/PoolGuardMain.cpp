//===----------------------------------------------------------------------===//
//
// poolguard: command-line options, compile database discovery, output and
// exit code. All analysis lives in the checks library; see Driver.h.
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ConfigVerifier.h"
#include "Driver.h"
#include "Fixes.h"
#include "Output.h"
#include "Sarif.h"
#include "ServerLimits.h"
#include "utils/AtomicFile.h"
#include "utils/ConfigFile.h"
#include "facts/FactsIndex.h"
#include "utils/LLVMCompat.h"
#include "utils/Paths.h"
#include "utils/ReadFile.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <unistd.h>

using namespace llvm;
using namespace poolguard;
namespace ct = clang::tidy;

static cl::OptionCategory Category("poolguard options");

static cl::list<std::string> SourcePaths(cl::Positional,
                                         cl::desc("[<file> ...]"),
                                         cl::cat(Category));
static cl::opt<std::string> BuildPath(
    "p",
    cl::desc("Directory containing compile_commands.json (default: the\n"
             "current directory, ./build, or a parent that has one)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string>
    Checks("checks",
           cl::desc("Comma-separated globs of checks, with clang-tidy's\n"
                    "syntax (-*,poolguard-dsn-*); added after the .clang-tidy\n"
                    "Checks. Default: poolguard-*"),
           cl::cat(Category));
static cl::opt<std::string> Config(
    "config",
    cl::desc("Configuration in YAML, as clang-tidy's -config; replaces\n"
             ".clang-tidy files"),
    cl::cat(Category));
static cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this file instead of\n"
                        ".clang-tidy files"),
               cl::value_desc("path"), cl::cat(Category));
static cl::opt<std::string> WarningsAsErrors(
    "warnings-as-errors",
    cl::desc("Globs of checks whose warnings are errors (clang-tidy's\n"
             "syntax); added after the .clang-tidy WarningsAsErrors"),
    cl::value_desc("globs"), cl::cat(Category));
static cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression: headers whose findings are shown (as\n"
             "clang-tidy's --header-filter; overrides HeaderFilterRegex)"),
    cl::value_desc("regex"), cl::cat(Category));
static cl::opt<std::string> ExcludeHeaderFilter(
    "exclude-header-filter",
    cl::desc("Regular expression: headers whose findings are not shown\n"
             "(overrides ExcludeHeaderFilterRegex)"),
    cl::value_desc("regex"), cl::cat(Category));
static cl::opt<bool> NoIndex(
    "no-index",
    cl::desc("Do not write <build dir>/poolguard-index.json (written by\n"
             "default for the clang-tidy plugin and poolguard-clangd)"),
    cl::cat(Category));
static cl::opt<std::string> Exclude(
    "exclude",
    cl::desc("Leave out the translation units whose path matches this\n"
             "regular expression (vendored code, e.g. /third_party/);\n"
             "default: the .clang-tidy option ExcludeTranslationUnits"),
    cl::value_desc("regex"), cl::cat(Category));
static cl::opt<bool> VerifyConfig(
    "verify-config",
    cl::desc("Check the configuration (check names, option names and\n"
             "values, files the options name) and exit: 0 if it is valid,\n"
             "2 with every error"),
    cl::cat(Category));
static cl::opt<bool> DumpConfig(
    "dump-config",
    cl::desc("Print the effective configuration (with every check option)\n"
             "and exit"),
    cl::cat(Category));
static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the enabled checks and exit"),
                                cl::cat(Category));
enum class Format { Text, JSON, Sarif };
static cl::opt<Format> OutputFormat(
    "format", cl::desc("Output format"),
    cl::values(clEnumValN(Format::Text, "text", "clang's diagnostic format"),
               clEnumValN(Format::JSON, "json", "poolguard's JSON"),
               clEnumValN(Format::Sarif, "sarif", "SARIF 2.1.0")),
    cl::init(Format::Text), cl::cat(Category));
static cl::opt<std::string> OutputFile("output",
                                       cl::desc("Write the report here"),
                                       cl::value_desc("file"),
                                       cl::cat(Category));
static cl::opt<unsigned>
    Jobs("j", cl::desc("Translation units analyzed at once (default: cores)"),
         cl::init(0), cl::Prefix, cl::cat(Category));
static cl::opt<bool> Quiet("quiet",
                           cl::desc("No summary line and no progress"),
                           cl::cat(Category));
static cl::opt<bool> UseColor(
    "use-color",
    cl::desc("Use colours in the text report (as clang-tidy). If not set,\n"
             "colours are used when standard output is a terminal and the\n"
             "NO_COLOR environment variable is not set"),
    cl::cat(Category));
static cl::opt<bool> NoColor("no-color",
                             cl::desc("Do not use colours (--use-color=false)"),
                             cl::cat(Category));
static cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Additional argument to append to the compiler "
                       "command line"),
              cl::cat(Category));
static cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Additional argument to prepend to the compiler "
                             "command line"),
                    cl::cat(Category));
static cl::opt<std::string> WriteIndex(
    "write-index",
    cl::desc("Write the merged facts of all TUs here, for the clang-tidy\n"
             "plugin and poolguard-clangd (check option IndexFile)"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool>
    DumpFacts("dump-facts",
              cl::desc("Print the facts of the given files as JSON and exit"),
              cl::cat(Category));
static cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Facts cache directory (default: <build dir>/.poolguard-cache)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> NoCache("no-cache", cl::desc("Do not use the facts cache"),
                             cl::cat(Category));
static cl::opt<unsigned> TUTimeout(
    "tu-timeout",
    cl::desc("Abandon a translation unit after this many seconds (exit code\n"
             "3); 0 disables the limit. Default: 600"),
    cl::init(600), cl::cat(Category));
static cl::opt<unsigned> TUMemory(
    "tu-memory",
    cl::desc("Abandon a translation unit whose analysis needs more than this\n"
             "many MiB of memory (exit code 3); 0 disables the limit.\n"
             "Default: 4096"),
    cl::init(4096), cl::cat(Category));
static cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyze only slice K of N of the database's TUs (1 <= K <= N),\n"
             "for CI matrices and build systems; use with --facts-out"),
    cl::value_desc("K/N"), cl::cat(Category));
static cl::opt<std::string> FactsOut(
    "facts-out",
    cl::desc("Write the map results (facts and per-TU diagnostics) of this\n"
             "run here instead of reporting; merge them with --merge"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> Merge(
    "merge",
    cl::desc("The positional arguments are --facts-out files: merge them and\n"
             "report, as one run over all their TUs would"),
    cl::cat(Category));
static cl::opt<std::string> SarifRoot(
    "sarif-root",
    cl::desc("SARIF artifact URIs and baseline paths are relative to this\n"
             "directory (%SRCROOT%; default: the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> Fix("fix",
                         cl::desc("Apply the fix-its in place (atomically; "
                                  "overlapping fixes are refused)"),
                         cl::cat(Category));
static cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the findings and their fixes as clang-tidy's YAML, for\n"
             "clang-apply-replacements"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Ignore the findings recorded in this file (by check and\n"
             "fingerprint, robust to line moves)"),
    cl::value_desc("file"), cl::cat(Category));
static cl::opt<std::string> WriteBaseline(
    "write-baseline", cl::desc("Record the current findings in this file"),
    cl::value_desc("file"), cl::cat(Category));
static cl::list<std::string> Roots(
    "root",
    cl::desc("A directory of the project: report excerpts are read and\n"
             "fixes written only inside the project's roots (repeatable;\n"
             "default: the directory holding the compile database and\n"
             "every source it lists, or with --merge the --path-root or the\n"
             "current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<std::string> PathRoot(
    "path-root",
    cl::desc("Name the files inside this directory relative to it: in\n"
             "--facts-out files (the same TU gives the same bytes at any\n"
             "checkout path or on any machine) and in the text report;\n"
             "relative paths in --merge inputs are resolved against it\n"
             "(default: the current directory)"),
    cl::value_desc("dir"), cl::cat(Category));
static cl::opt<bool> NoSkipBodies(
    "no-skip-bodies",
    cl::desc("Parse the bodies of every function, also those of system\n"
             "headers and library headers (skipped by default: the\n"
             "analysis never reads them)"),
    cl::cat(Category));
static cl::opt<std::string> LibraryHeaders(
    "library-headers",
    cl::desc("Regular expression: headers whose path matches are libraries\n"
             "too (besides system headers and headers outside the project's\n"
             "roots); their function bodies are not parsed"),
    cl::value_desc("regex"), cl::cat(Category));
enum class ExtraReport { None, Budget };
static cl::opt<ExtraReport> ReportKind(
    "report", cl::desc("Print an additional report"),
    cl::values(clEnumValN(ExtraReport::Budget, "budget",
                          "connections per database against the limit")),
    cl::init(ExtraReport::None), cl::cat(Category));

static cl::opt<std::string> ServerLimitsFrom(
    "server-limits",
    cl::desc("Read max_connections and the reserved connections from this\n"
             "PostgreSQL server (a libpq connection string or URL) and use\n"
             "them instead of poolguard-connection-budget's options"),
    cl::value_desc("conninfo"), cl::cat(Category));

static void printVersion(raw_ostream &OS) {
  OS << "poolguard " << POOLGUARD_VERSION << " (built against LLVM "
     << LLVM_VERSION_STRING << ")\n";
}

static int usageError(const Twine &Message) {
  WithColor::error(errs(), "poolguard") << Message << "\n";
  return EC_Usage;
}

/// Loads \p JSON as clang-tidy does (JSONCompilationDatabasePlugin): response
/// files (@file) expanded, commands inferred for files the database does not
/// list (from the nearest listed file), the driver mode and target inferred
/// from the compiler's name. Errors name the file.
static std::unique_ptr<clang::tooling::CompilationDatabase>
loadDatabase(StringRef JSON, std::string &Error) {
  namespace tooling = clang::tooling;
  auto Base = tooling::JSONCompilationDatabase::loadFromFile(
      JSON, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Base) {
    Error = (JSON + ": " + Error).str();
    return nullptr;
  }
  return tooling::inferTargetAndDriverMode(
      tooling::inferMissingCompileCommands(tooling::expandResponseFiles(
          std::move(Base), llvm::vfs::getRealFileSystem())));
}

/// Finds compile_commands.json: -p, else the current directory, ./build, or
/// the nearest parent directory that has one.
static std::unique_ptr<clang::tooling::CompilationDatabase>
findDatabase(std::string &Dir, std::string &Error) {
  if (!BuildPath.empty()) {
    SmallString<256> P(BuildPath);
    sys::fs::make_absolute(P);
    if (sys::fs::is_regular_file(P))
      sys::path::remove_filename(P);
    Dir = std::string(P);
    SmallString<256> JSON(P);
    sys::path::append(JSON, "compile_commands.json");
    if (!sys::fs::exists(JSON)) {
      Error = (JSON + ": no such file").str();
      return nullptr;
    }
    return loadDatabase(JSON, Error);
  }
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  Dir = ct::poolguard::findCompileDatabaseDir(Cwd);
  if (!Dir.empty())
    return loadDatabase(Dir + "/compile_commands.json", Error);
  Error = "no compile_commands.json found (give -p <build dir>, or "
          "'file.cpp -- <compiler args>')";
  return nullptr;
}

/// --path-root made absolute, or the current directory: what relative paths
/// in map results are relative to.
static std::string pathRoot() {
  return ct::poolguard::absolutePath(PathRoot.empty() ? "."
                                                     : PathRoot.getValue());
}

/// The project roots of this run (see ProjectRoots.h): --root, else the
/// deepest directory holding the compile database and every source of the
/// run, else (--merge, whose facts files may name anything) the current
/// directory.
static ProjectRoots projectRoots(StringRef DatabaseDir,
                                 llvm::ArrayRef<std::string> TUs) {
  ProjectRoots R;
  for (const std::string &Dir : Roots)
    R.add(Dir);
  if (!R.empty())
    return R;
  std::vector<std::string> Dirs;
  if (Merge || TUs.empty())
    Dirs.push_back(pathRoot());
  if (!Merge) {
    if (!DatabaseDir.empty())
      Dirs.push_back(DatabaseDir.str());
    for (const std::string &TU : TUs)
      Dirs.push_back(std::string(sys::path::parent_path(TU)));
  }
  R.addCommonAncestor(Dirs);
  return R;
}

/// The directories whose files are the project's to the map step (files
/// outside are libraries, whose function bodies are not parsed): the project
/// roots and, without a compile database or --root, also the current
/// directory (with 'file.cpp -- -Iinclude' the roots hold only the sources;
/// a project header taken for a library would lose its facts).
static ProjectRoots libraryBoundary(ProjectRoots R, bool NoDatabase) {
  if (NoDatabase && Roots.empty()) {
    SmallString<256> Cwd;
    sys::fs::current_path(Cwd);
    R.add(Cwd);
  }
  return R;
}

static bool outputIsWritable(StringRef Path, std::string &Why) {
  // A device, a FIFO or stdout is written in place (utils/AtomicFile.h): its
  // directory (/dev) need not be writable.
  sys::fs::file_status Status;
  if (!sys::fs::status(Path, Status) && sys::fs::exists(Status) &&
      !sys::fs::is_regular_file(Status) && !sys::fs::is_directory(Status)) {
    if (sys::fs::access(Path, sys::fs::AccessMode::Write)) {
      Why = (Path + ": permission denied").str();
      return false;
    }
    return true;
  }
  SmallString<256> Dir(Path);
  sys::fs::make_absolute(Dir);
  sys::path::remove_filename(Dir);
  if (std::error_code EC = sys::fs::access(Dir, sys::fs::AccessMode::Write)) {
    Why = (Dir + ": " + EC.message()).str();
    return false;
  }
  if (sys::fs::exists(Path) &&
      sys::fs::access(Path, sys::fs::AccessMode::Write)) {
    Why = (Path + ": permission denied").str();
    return false;
  }
  return true;
}

/// Writes the facts index where the plugin and poolguard-clangd look for it
/// when IndexFile is not set: beside the compile database. Not asked for, so
/// a failure is a warning.
static void writeDefaultIndex(StringRef DatabaseDir,
                              const ct::poolguard::Facts &Merged) {
  SmallString<256> Path(DatabaseDir);
  sys::path::append(Path, ct::poolguard::DefaultIndexName);
  if (Error E = ct::poolguard::writeFileAtomically(
          Path, ct::poolguard::toJSON(Merged)))
    WithColor::warning(errs(), "poolguard")
        << "cannot write the facts index: " << toString(std::move(E)) << "\n";
}

/// Colours in the text report: --use-color/--no-color, else on a terminal
/// unless NO_COLOR is set (https://no-color.org).
static bool colorsWanted() {
  if (NoColor)
    return false;
  if (UseColor.getNumOccurrences())
    return UseColor;
  if (!OutputFile.empty() || !sys::Process::StandardOutIsDisplayed())
    return false;
  std::optional<std::string> NoColorEnv = sys::Process::GetEnv("NO_COLOR");
  return !NoColorEnv || NoColorEnv->empty();
}

/// What --fix changed: a summary line and the finding each fix resolved.
static void reportAppliedFixes(const Report &R, const FixStats &Stats) {
  if (!Stats.Replacements)
    return;
  errs() << formatv("poolguard: applied {0} fix{1} in {2} file{3}:\n",
                    Stats.Replacements, Stats.Replacements == 1 ? "" : "es",
                    Stats.Files, Stats.Files == 1 ? "" : "s");
  for (const ReportDiagnostic &D : R.Diagnostics)
    if (!D.Fixes.empty())
      errs() << formatv("  {0}:{1}:{2}: fixed [{3}]\n", D.File, D.Line,
                        D.Column, D.Check);
}

/// What SARIF and baseline paths are relative to: --sarif-root, else the
/// current directory.
static std::string sarifRoot() {
  if (!SarifRoot.empty())
    return SarifRoot;
  SmallString<256> Cwd;
  sys::fs::current_path(Cwd);
  return std::string(Cwd);
}

/// A usage error: printed by main as "poolguard: error: <message>", exit 2.
static Error usage(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message);
}

/// The compile database of the run: '--merge' needs none, 'file.cpp --
/// args' is fixed, else -p or the search of findDatabase (a configuration
/// mode needs none).
static Error selectDatabase(
    std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed,
    DriverOptions &Opts) {
  auto None = [] {
    return std::make_shared<clang::tooling::FixedCompilationDatabase>(
        ".", std::vector<std::string>());
  };
  if (Merge) {
    if (Fixed || SourcePaths.empty())
      return usage("--merge takes the --facts-out files to merge");
    Opts.Database = None();
    return Error::success();
  }
  if (Fixed) {
    if (SourcePaths.empty())
      return usage("no input files (with '--', name the files to analyze)");
    Opts.Database = std::move(Fixed);
  } else {
    std::string Error;
    if (auto DB = findDatabase(Opts.DatabaseDir, Error))
      Opts.Database = std::move(DB);
    else if (ListChecks || DumpConfig || VerifyConfig)
      // The configuration is that of the build directory (or -p) even
      // without a compile database.
      Opts.Database = None();
    else
      return usage(Error);
  }
  for (const std::string &S : SourcePaths) {
    std::string P = ct::poolguard::absolutePath(S);
    if (!sys::fs::exists(P))
      return usage(S + ": no such file");
    Opts.Files.push_back(std::move(P));
  }
  return Error::success();
}

/// --config or --config-file, parsed: the configuration that replaces the
/// .clang-tidy lookup.
static Expected<ct::ClangTidyOptions> fixedConfig() {
  if (!Config.empty() && !ConfigFile.empty())
    return usage("--config and --config-file are mutually exclusive");
  std::string Text = Config;
  std::string Name = "--config";
  if (!ConfigFile.empty()) {
    auto Buf = ct::poolguard::readInputFile(ConfigFile,
                                            ct::poolguard::MaxConfigFileBytes);
    if (!Buf)
      return usage(ConfigFile + ": " + toString(Buf.takeError()));
    Text = (*Buf)->getBuffer().str();
    Name = ConfigFile;
  }
  auto Parsed =
      ct::poolguard::parseConfigFile(MemoryBufferRef(Text, Name), Name);
  if (!Parsed)
    return usage(toString(Parsed.takeError()));
  // Paths in --config-file are relative to its directory, in --config to
  // the working directory.
  const std::string Base =
      ConfigFile.empty()
          ? ct::poolguard::startupDirectory().str()
          : ct::poolguard::absolutePath(sys::path::parent_path(ConfigFile));
  ct::poolguard::anchorPathOptions(*Parsed, Base);
  return *Parsed;
}

/// The configuration given on the command line: --checks,
/// --warnings-as-errors, --config/--config-file, --server-limits.
static Error applyConfigOptions(DriverOptions &Opts) {
  if (!Checks.empty()) {
    auto Errors = ct::poolguard::checkGlobErrors(Checks, /*AllMustMatch=*/true);
    if (!Errors.empty())
      return usage("--checks: " + join(Errors, "\n") + "; see --list-checks");
    Opts.Overrides.Checks = Checks;
  }
  if (WarningsAsErrors.getNumOccurrences())
    Opts.Overrides.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences())
    Opts.Overrides.HeaderFilterRegex = HeaderFilter;
  if (ExcludeHeaderFilter.getNumOccurrences())
    Opts.Overrides.ExcludeHeaderFilterRegex = ExcludeHeaderFilter;
  if (!Config.empty() || !ConfigFile.empty()) {
    auto Fixed = fixedConfig();
    if (!Fixed)
      return Fixed.takeError();
    Opts.FixedConfig = std::move(*Fixed);
  }
  if (!ServerLimitsFrom.empty()) {
    auto Limits = readServerLimits(ServerLimitsFrom);
    if (!Limits)
      return usage("--server-limits: " + toString(Limits.takeError()));
    using Value = clang::tidy::ClangTidyOptions::ClangTidyValue;
    auto &Budget = Opts.Overrides.CheckOptions;
    Budget["poolguard-connection-budget.MaxConnections"] =
        Value(std::to_string(Limits->MaxConnections));
    Budget["poolguard-connection-budget.ReservedConnections"] =
        Value(std::to_string(Limits->ReservedConnections));
  }
  return Error::success();
}

/// The facts cache directory (--cache-dir, else beside the compile
/// database; none with --no-cache), made and checked before any TU runs;
/// without one, the temporary directory workers write their results to.
static Error prepareCacheDir(DriverOptions &Opts) {
  if (!NoCache) {
    if (!CacheDir.empty())
      Opts.CacheDir = CacheDir;
    else if (!Opts.DatabaseDir.empty())
      Opts.CacheDir = Opts.DatabaseDir + "/.poolguard-cache";
  }
  if (!Opts.CacheDir.empty()) {
    SmallString<256> Abs(Opts.CacheDir);
    sys::fs::make_absolute(Abs);
    Opts.CacheDir = std::string(Abs);
    if (std::error_code EC = sys::fs::create_directories(Opts.CacheDir))
      return usage("cannot create the cache directory '" + Opts.CacheDir +
                   "': " + EC.message());
    if (!sys::fs::is_directory(Opts.CacheDir))
      return usage("the cache directory '" + Opts.CacheDir +
                   "' is not a directory");
    if (sys::fs::access(Opts.CacheDir, sys::fs::AccessMode::Write))
      return usage("the cache directory '" + Opts.CacheDir +
                   "' is not writable");
    return Error::success();
  }
  if (Merge || DumpConfig || ListChecks || VerifyConfig)
    return Error::success();
  SmallString<256> Tmp;
  sys::path::system_temp_directory(/*ErasedOnReboot=*/true, Tmp);
  if (!sys::fs::is_directory(Tmp) ||
      sys::fs::access(Tmp, sys::fs::AccessMode::Write))
    return usage("the temporary directory '" + Tmp +
                 "' (TMPDIR) is not a writable directory");
  return Error::success();
}

/// Every option of the run's Driver, checked.
static Error driverOptions(
    std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed,
    DriverOptions &Opts) {
  if (Error E = selectDatabase(std::move(Fixed), Opts))
    return E;
  if (Error E = applyConfigOptions(Opts))
    return E;
  Opts.Exclude = Exclude;
  Opts.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Opts.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  Opts.Jobs = Jobs ? Jobs
                   : std::max(1u, llvm::hardware_concurrency()
                                      .compute_thread_count());
  Opts.TUTimeoutSeconds = TUTimeout;
  Opts.TUMemoryMB = TUMemory;
  if (Error E = prepareCacheDir(Opts))
    return E;
  Opts.SkipBodies = !NoSkipBodies;
  Opts.LibraryHeaders = LibraryHeaders;
  if (!PathRoot.empty()) {
    if (!sys::fs::is_directory(PathRoot))
      return usage("--path-root: '" + PathRoot + "' is not a directory");
    Opts.PathRoot = pathRoot();
  }
  Opts.Progress = !Quiet;
  Opts.ProgressInPlace = sys::Process::StandardErrIsDisplayed();
  Opts.Notes = !Quiet;
  for (const std::string *Out :
       {&OutputFile.getValue(), &WriteIndex.getValue(), &FactsOut.getValue(),
        &ExportFixes.getValue(), &WriteBaseline.getValue()}) {
    std::string Why;
    if (!Out->empty() && !outputIsWritable(*Out, Why))
      return usage("cannot write '" + *Out + "': " + Why);
  }
  return Error::success();
}

/// --verify-config, --list-checks, --dump-config: the configuration only.
static int runConfigMode(const Driver &D) {
  if (VerifyConfig) {
    outs() << "No config errors detected.\n";
    return EC_Clean;
  }
  if (ListChecks) {
    outs() << "Enabled checks:\n";
    for (const std::string &C :
         ct::poolguard::enabledCheckNames(D.projectOptions()))
      outs() << "    " << C << "\n";
    outs() << "\n";
    return EC_Clean;
  }
  ct::ClangTidyOptions Dump = D.projectOptions();
  for (auto &[Key, Value] : ct::poolguard::enabledCheckOptions(Dump))
    Dump.CheckOptions.try_emplace(Key, Value);
  outs() << ct::configurationAsText(Dump);
  return EC_Clean;
}

/// --dump-facts: the merged facts of the files named, as JSON.
static int runDumpFacts(Driver &D) {
  if (SourcePaths.empty())
    return usageError("--dump-facts needs the files to analyze");
  std::vector<ct::poolguard::Facts> Parts;
  for (const std::string &S : SourcePaths) {
    SmallString<256> P(S);
    sys::fs::make_absolute(P);
    auto F = D.factsOf(P);
    if (!F) {
      WithColor::error(errs(), "poolguard") << toString(F.takeError()) << "\n";
      return EC_TUFailed;
    }
    Parts.push_back(std::move(*F));
  }
  outs() << ct::poolguard::toJSON(ct::poolguard::mergeFacts(Parts)) << "\n";
  return EC_Clean;
}

/// --merge: the results of the --facts-out files named, each TU once.
static Expected<std::vector<TUResult>> mergeInputs() {
  std::vector<TUResult> Results;
  for (const std::string &File : SourcePaths) {
    auto Buf =
        ct::poolguard::readInputFile(File, ct::poolguard::MaxDataFileBytes);
    if (!Buf)
      return usage(File + ": " + toString(Buf.takeError()));
    auto Part = Driver::resultsFromJSON((*Buf)->getBuffer(), File);
    if (!Part)
      return Part.takeError();
    for (TUResult &R : *Part) {
      absolutizePaths(R, pathRoot());
      Results.push_back(std::move(R));
    }
  }
  // The same TU in two shards counts once.
  llvm::stable_sort(Results, [](const TUResult &A, const TUResult &B) {
    return A.File < B.File;
  });
  Results.erase(std::unique(Results.begin(), Results.end(),
                            [](const TUResult &A, const TUResult &B) {
                              return A.File == B.File;
                            }),
                Results.end());
  return Results;
}

/// The map step over this run's TUs: all, or shard K of N (--shard=K/N).
static Expected<std::vector<TUResult>> mapShard(Driver &D) {
  unsigned K = 1, N = 1;
  if (!Shard.empty()) {
    auto [KS, NS] = StringRef(Shard).split('/');
    if (KS.getAsInteger(10, K) || NS.getAsInteger(10, N) || N == 0 ||
        K == 0 || K > N)
      return usage("--shard takes K/N with 1 <= K <= N, not '" + Shard + "'");
  }
  std::vector<size_t> Indices;
  for (size_t I = 0; I < D.translationUnits().size(); ++I)
    if (I % N == K - 1)
      Indices.push_back(I);
  return D.map(Indices);
}

/// The files a finished report writes besides itself: the facts index
/// (--write-index, else the default one beside the compile database), the
/// baseline (--write-baseline) and the fixes (--export-fixes). Findings in
/// the baseline (--baseline) are taken out of \p R.
static Error writeSideOutputs(Report &R, const ct::poolguard::Facts &Merged,
                              StringRef DatabaseDir,
                              const std::optional<Baseline> &Known,
                              const std::string &Root) {
  if (!WriteIndex.empty()) {
    if (Error E = ct::poolguard::writeFileAtomically(
            WriteIndex, ct::poolguard::toJSON(Merged)))
      return E;
  } else if (!DatabaseDir.empty() && Shard.empty() && !NoIndex) {
    writeDefaultIndex(DatabaseDir, Merged);
  }
  if (!WriteBaseline.empty())
    if (Error E = writeBaseline(WriteBaseline, R, Root))
      return E;
  if (Known)
    R.SuppressedByBaseline = filterBaseline(R, *Known, Root);
  if (!ExportFixes.empty()) {
    auto YAML = exportFixes(R, SourcePaths.empty() ? "" : SourcePaths.front());
    if (!YAML)
      return YAML.takeError();
    if (Error E = ct::poolguard::writeFileAtomically(ExportFixes, *YAML))
      return E;
  }
  return Error::success();
}

/// The report in the --format asked for (with --report=budget's table).
static std::string renderReport(const Report &R, const Driver &D,
                                const ct::poolguard::Facts &Merged,
                                const std::string &Root) {
  std::vector<ct::poolguard::DatabaseBudget> Budgets;
  const bool Budget = ReportKind == ExtraReport::Budget;
  if (Budget)
    Budgets = ct::poolguard::computeBudgets(Merged, D.budgetOptions());
  std::string Text;
  raw_string_ostream OS(Text);
  OS.enable_colors(OutputFormat == Format::Text && colorsWanted());
  switch (OutputFormat) {
  case Format::Text:
    writeText(OS, R, /*Summary=*/!Quiet);
    if (Budget)
      writeBudgetText(OS, D.budgetOptions(), Budgets);
    break;
  case Format::JSON:
    OS << writeJSON(R, Budget ? &Budgets : nullptr);
    break;
  case Format::Sarif: {
    SarifOptions SO;
    SO.SourceRoot = Root;
    SO.ToolVersion = POOLGUARD_VERSION;
    SO.Rules = poolguardRules();
    OS << writeSarif(R, SO);
    break;
  }
  }
  OS.flush();
  return Text;
}

/// Merges \p Results, reports, writes what was asked for and applies
/// --fix; the exit code.
static int reportResults(Driver &D, std::vector<TUResult> Results,
                         const ProjectRoots &ProjectDirs, StringRef DatabaseDir,
                         const std::optional<Baseline> &Known,
                         std::chrono::steady_clock::time_point Start) {
  if (!PathRoot.empty() && !Merge)
    for (TUResult &TU : Results) // The workers named them relatively.
      absolutizePaths(TU, pathRoot());
  ct::poolguard::Facts Merged;
  Report R = D.report(std::move(Results), &Merged);
  R.Roots = ProjectDirs;
  if (!PathRoot.empty())
    R.PathRoot = pathRoot();
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            Start)
                  .count();
  if (!R.ConfigErrors.empty()) {
    for (const std::string &E : R.ConfigErrors)
      WithColor::error(errs(), "poolguard") << E << "\n";
    return EC_Usage;
  }
  const std::string Root = sarifRoot();
  if (Error E = writeSideOutputs(R, Merged, DatabaseDir, Known, Root))
    return usageError(toString(std::move(E)));
  const std::string Text = renderReport(R, D, Merged, Root);
  // The report is rendered before --fix rewrites the files, so excerpts
  // show the code that was analyzed, each fix-it under its finding.
  unsigned FixedCount = 0;
  if (Fix) {
    auto Stats = applyFixes(R);
    if (!Stats) {
      WithColor::error(errs(), "poolguard") << toString(Stats.takeError())
                                            << "\n";
      return EC_Usage;
    }
    for (const ReportDiagnostic &Diag : R.Diagnostics)
      FixedCount += !Diag.Fixes.empty();
    reportAppliedFixes(R, *Stats);
  }
  if (!OutputFile.empty()) {
    if (Error E = ct::poolguard::writeFileAtomically(OutputFile, Text))
      return usageError(toString(std::move(E)));
  } else {
    outs() << Text;
    outs().flush();
  }
  if (R.TUsFailed)
    return EC_TUFailed;
  // Asked to write the index or the baseline, and written: that succeeded.
  if (!WriteIndex.empty() || !WriteBaseline.empty())
    return EC_Clean;
  // With --fix, findings whose fixes were applied no longer fail the run.
  return R.Diagnostics.size() == FixedCount ? EC_Clean : EC_Findings;
}

int main(int argc, const char **argv) {
  cl::SetVersionPrinter(printVersion);
  cl::HideUnrelatedOptions(Category);
  // 'file.cpp -- <compiler args>': the arguments after '--' are a fixed
  // compile database (clang-tidy's and CommonOptionsParser's convention).
  std::string FixedError;
  std::unique_ptr<clang::tooling::FixedCompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          argc, argv, FixedError);
  if (!FixedError.empty())
    return usageError(FixedError);
  const bool NoDatabase = Fixed != nullptr;
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "poolguard: finds duplicated connection pools and broken DSN "
          "query strings\n\n"
          "  poolguard -p <build dir> [files...]\n"
          "  poolguard file.cpp -- <compiler args>\n",
          &errs()))
    return EC_Usage;

  DriverOptions Opts;
  if (Error E = driverOptions(std::move(Fixed), Opts))
    return usageError(toString(std::move(E)));
  std::optional<Baseline> Known;
  if (!BaselineFile.empty()) {
    auto B = loadBaseline(BaselineFile);
    if (!B)
      return usageError(toString(B.takeError()));
    Known = std::move(*B);
  }

  const std::string DatabaseDir = Opts.DatabaseDir;
  Driver D(std::move(Opts));
  const ProjectRoots ProjectDirs =
      projectRoots(DatabaseDir, D.translationUnits());
  D.setProjectDirs(libraryBoundary(ProjectDirs, NoDatabase));
  // A group finding the baseline holds that comes back because of a new
  // member is reported at that member: the change that added it.
  if (Known)
    D.setGroupAnchor([&Known, &ProjectDirs,
                      Root = sarifRoot()](const ct::poolguard::Finding &F) {
      std::vector<ReportPlace> Members;
      for (const ct::poolguard::SourcePos &M : F.Members)
        Members.push_back({M.File, M.Line, M.Column});
      return newGroupMember(*Known, F.Check, F.Key, Members, Root,
                            ProjectDirs);
    });
  if (Error E = D.prepare())
    return usageError(toString(std::move(E)));
  if (VerifyConfig || ListChecks || DumpConfig)
    return runConfigMode(D);
  if (DumpFacts)
    return runDumpFacts(D);

  auto Start = std::chrono::steady_clock::now();
  auto Results = Merge ? mergeInputs() : mapShard(D);
  if (!Results)
    return usageError(toString(Results.takeError()));
  if (!FactsOut.empty()) {
    if (!PathRoot.empty())
      for (TUResult &TU : *Results) // Those the workers did not write.
        relativizePaths(TU, pathRoot());
    if (Error E = ct::poolguard::writeFileAtomically(
            FactsOut, Driver::resultsToJSON(*Results)))
      return usageError(toString(std::move(E)));
    return EC_Clean;
  }
  return reportResults(D, std::move(*Results), ProjectDirs, DatabaseDir,
                       Known, Start);
}
