//===----------------------------------------------------------------------===//
//
// poolguard-connection-budget: the arithmetic is a pure function of the
// facts, run by the check on this TU's facts (over the facts index when one
// is configured) and by the standalone tool on the merged facts of every TU.
//
//===----------------------------------------------------------------------===//

#include "ConnectionBudgetCheck.h"
#include "facts/Instances.h"
#include "utils/Plural.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include <limits>
#include "llvm/Support/Path.h"
#include <map>

namespace clang::tidy::poolguard {

/// The multiplier of \p C: its own, or the program's value of the setting
/// it depends on (config work, cfg): a value set in code or in a config file
/// wins over the framework's default; of several, the largest is kept, since
/// the budget is an upper bound. Returns whether a setting gave the value.
static bool resolveMultiplier(const Facts &F, const PoolCreationFact &C,
                              BudgetContribution &Part) {
  Part.Multiplier = std::max(1u, C.Multiplier);
  Part.MultiplierReason = C.MultiplierReason;
  if (C.MultiplierSetting.empty())
    return false;
  const SettingFact *Best = nullptr;
  for (const SettingFact &S : F.Settings) {
    if (S.Name != C.MultiplierSetting || S.Value < 1)
      continue;
    if (!Best || (Best->IsDefault && !S.IsDefault) ||
        (Best->IsDefault == S.IsDefault && S.Value > Best->Value))
      Best = &S;
  }
  if (!Best)
    return false;
  Part.Multiplier = static_cast<unsigned>(
      std::min<int64_t>(Best->Value, std::numeric_limits<unsigned>::max()));
  if (!Best->Text.empty())
    Part.MultiplierReason += " (" + Best->Text + ")";
  return true;
}

/// size × instances × multiplier and the sums of such, saturated: a pool of
/// SIZE_MAX or a total past int64_t is "unbounded", never a wrapped number.
static int64_t saturatingMul(int64_t A, int64_t B) {
  int64_t R;
  if (__builtin_mul_overflow(A, B, &R) || R > UnboundedConnections)
    return UnboundedConnections;
  return R;
}
static int64_t saturatingAdd(int64_t A, int64_t B) {
  int64_t R;
  if (__builtin_add_overflow(A, B, &R) || R > UnboundedConnections)
    return UnboundedConnections;
  return R;
}
std::string connectionCount(int64_t N) {
  return N >= UnboundedConnections ? std::string("unbounded")
                                   : std::to_string(N);
}

/// A number of connections as the messages print it.
static std::string connections(int64_t N) {
  return N >= UnboundedConnections ? std::string("an unbounded number of")
                                   : std::to_string(N);
}

using DatabaseGroups =
    std::vector<std::pair<std::string, std::vector<const PoolCreationFact *>>>;

/// The pools of \p Program of each database, grouped by the server the
/// database is on: max_connections is a server's limit, shared by its
/// databases. A database whose server is unknown is a group by itself, keyed
/// by the database.
static std::map<std::string, DatabaseGroups>
databasesByServer(const Facts &F, llvm::StringRef Program) {
  std::map<std::string, DatabaseGroups> Servers;
  for (auto &[Db, Group] : poolsByDatabase(F, Program)) {
    std::string Server = serverOf(Db);
    Servers[Server.empty() ? Db : Server].emplace_back(Db, std::move(Group));
  }
  return Servers;
}

std::string budgetSubject(const DatabaseBudget &B) {
  if (B.DatabaseNames.size() < 2)
    return "database '" + B.DatabaseText + "'";
  return llvm::formatv("server '{0}' (databases '{1}')", B.DatabaseText,
                       llvm::join(B.DatabaseNames, "', '"))
      .str();
}

/// Adds the connections of \p C, a pool of \p Program, to \p B.
static void contribute(const Facts &F, const InstanceIndex &Instances,
                       llvm::StringRef Program, DatabaseBudget &B,
                       const PoolCreationFact &C) {
  BudgetContribution Part;
  Part.Pool = &C;
  Part.Program = Program.str();
  Part.Instances = Instances.count(C.OwnerType, &Part.InstancesReason);
  bool ThreadsKnown = resolveMultiplier(F, C, Part);
  // One connection per thread: as many as the program's thread limit, and
  // without a limit in the code, connections grow without bound.
  if (C.PerThread) {
    Part.Connections = ThreadsKnown
                           ? saturatingMul(Part.Instances, Part.Multiplier)
                           : UnboundedConnections;
    B.KnownTotal = saturatingAdd(B.KnownTotal, *Part.Connections);
  } else if (C.Size && *C.Size >= 0 && !C.Unbounded && !C.SizeIsInitialCache) {
    // A negative size is no size (a bug in the code, or a crafted facts
    // file); one past UnboundedConnections counts as unbounded.
    Part.Connections =
        saturatingMul(saturatingMul(*C.Size, Part.Instances), Part.Multiplier);
    B.KnownTotal = saturatingAdd(B.KnownTotal, *Part.Connections);
  } else {
    B.HasUnknown = true;
  }
  B.Pools.push_back(std::move(Part));
}

std::vector<DatabaseBudget> computeBudgets(const Facts &F,
                                           const BudgetOptions &Opts) {
  std::vector<DatabaseBudget> Budgets;
  int64_t Replicas = std::max<int64_t>(1, Opts.Replicas);
  int64_t Available =
      std::max<int64_t>(0, Opts.MaxConnections - Opts.ReservedConnections) /
      Replicas;

  // Each program is its own process: its pools and instances are counted in
  // it, and the programs reaching one server add up.
  std::map<std::string, DatabaseBudget> ByServer;
  std::vector<DatabaseBudget> Unknown;
  for (const std::string &Program : programsOf(F)) {
    InstanceIndex Instances(F, Program);
    for (const auto &[Server, Databases] : databasesByServer(F, Program)) {
      auto [It, New] = ByServer.try_emplace(Server);
      DatabaseBudget &B = It->second;
      if (New) {
        B.Database = Server;
        B.Available = Available;
      }
      for (const auto &[Db, Group] : Databases) {
        if (!llvm::is_contained(B.Databases, Db)) {
          B.Databases.push_back(Db);
          B.DatabaseNames.push_back(databaseText(*Group.front()));
        }
        for (const PoolCreationFact *C : Group)
          contribute(F, Instances, Program, B, *C);
      }
    }
    // A pool whose database is unknown is budgeted alone: it cannot be
    // summed with others, but it can exceed the limit by itself.
    for (const PoolCreationFact *C : poolsOfUnknownDatabase(F, Program)) {
      DatabaseBudget &B = Unknown.emplace_back();
      B.Database = llvm::formatv("site:{0}:{1}:{2}", C->Loc.File, C->Loc.Line,
                                 C->Loc.Column)
                       .str();
      B.DatabaseText = "an unknown database";
      B.Available = Available;
      contribute(F, Instances, Program, B, *C);
    }
  }
  for (auto &[Server, B] : ByServer) {
    B.DatabaseText =
        B.DatabaseNames.size() == 1
            ? B.DatabaseNames.front()
            : llvm::StringRef(Server).drop_front(sizeof("db:") - 1).str();
    llvm::stable_sort(B.Pools, [](const BudgetContribution &X,
                                  const BudgetContribution &Y) {
      return X.Pool->Loc < Y.Pool->Loc;
    });
    Budgets.push_back(std::move(B));
  }
  llvm::append_range(Budgets, std::move(Unknown));
  return Budgets;
}

static std::string describeSize(const BudgetContribution &P) {
  const PoolCreationFact &C = *P.Pool;
  if (C.PerThread)
    return P.Connections && *P.Connections >= UnboundedConnections
               ? "one connection per thread that runs it (a connection name "
                 "built at run time), with no thread limit in the code"
               : "one connection per thread that runs it (a connection name "
                 "built at run time)";
  if (C.Unbounded)
    return "an unbounded pool";
  if (C.SizeIsInitialCache)
    return llvm::formatv("a pool that keeps up to {0} idle connections and "
                         "has no maximum",
                         C.Size ? std::to_string(*C.Size) : C.SizeText)
        .str();
  if (!C.Size || *C.Size < 0)
    return llvm::formatv("a pool of unknown size ('{0}')", C.SizeText).str();
  if (*C.Size >= UnboundedConnections)
    return llvm::formatv("a pool of unbounded size ('{0}')", C.SizeText).str();
  std::string S =
      llvm::formatv("pool of {0}{1}",
                    plural(*C.Size, "connection", "connections"),
                    C.SizeIsDefault ? " (the library's default)" : "")
          .str();
  return S;
}

/// ", in program 'producer.cpp'" when the facts name several programs.
static std::string programText(const BudgetContribution &P) {
  if (P.Program.empty())
    return "";
  return llvm::formatv(", in program '{0}'",
                       llvm::sys::path::filename(P.Program))
      .str();
}

std::vector<Finding> findBudgetOverruns(const Facts &F,
                                        const BudgetOptions &Opts) {
  std::vector<Finding> Findings;
  for (const DatabaseBudget &B : computeBudgets(F, Opts)) {
    if (B.KnownTotal <= B.Available)
      continue;
    // Report at the pool whose connections push the running total over.
    int64_t Running = 0;
    const BudgetContribution *Culprit = nullptr;
    for (const BudgetContribution &P : B.Pools) {
      Running = saturatingAdd(Running, P.Connections.value_or(0));
      if (Running > B.Available) {
        Culprit = &P;
        break;
      }
    }
    assert(Culprit && "total exceeds the limit but no pool pushes it over");

    Finding Fd;
    Fd.Check = "poolguard-connection-budget";
    Fd.Loc = Culprit->Pool->Loc;
    std::string Limit =
        Opts.Replicas > 1
            ? llvm::formatv("({0} max_connections - {1} reserved) / {2} "
                            "replicas",
                            Opts.MaxConnections, Opts.ReservedConnections,
                            Opts.Replicas)
                  .str()
            : llvm::formatv("{0} max_connections - {1} reserved",
                            Opts.MaxConnections, Opts.ReservedConnections)
                  .str();
    Fd.Message =
        llvm::formatv("pools of {0} may open {1} connections, "
                      "more than the {2} available ({3}); share one pool or "
                      "lower the pool sizes",
                      budgetSubject(B), connections(B.KnownTotal), B.Available,
                      Limit)
            .str();
    std::vector<std::string> Terms;
    for (const BudgetContribution &P : B.Pools) {
      std::string Note = describeSize(P);
      if (P.Connections) {
        std::string Mult;
        if (P.Multiplier > 1)
          Mult = llvm::formatv(", × {0}: {1}", P.Multiplier,
                               P.MultiplierReason)
                     .str();
        Note += llvm::formatv(" created here ({0}{1}{2}{3})",
                              plural(P.Instances, "instance", "instances"),
                              P.InstancesReason.empty()
                                  ? ""
                                  : ": " + P.InstancesReason,
                              Mult, programText(P))
                    .str();
        std::string Term = *P.Connections >= UnboundedConnections
                               ? connectionCount(*P.Connections)
                               : connectionCount(P.Pool->Size.value_or(1));
        if (P.Instances > 1)
          Term += " × " + std::to_string(P.Instances);
        if (P.Multiplier > 1)
          Term += " × " + std::to_string(P.Multiplier);
        Terms.push_back(Term);
      } else {
        Note += " created here; not counted";
      }
      Fd.Notes.push_back({Note, P.Pool->Loc});
    }
    std::string Sum = llvm::join(Terms, " + ");
    if (Terms.size() > 1 && llvm::all_equal(Terms))
      Sum = llvm::formatv("{0} pools × {1}", Terms.size(), Terms.front());
    Fd.Notes.push_back({llvm::formatv("{0} = {1} > {2} available", Sum,
                                      connectionCount(B.KnownTotal),
                                      B.Available)
                            .str(),
                        Fd.Loc});
    Findings.push_back(std::move(Fd));
  }
  llvm::sort(Findings);
  return Findings;
}

ConnectionBudgetCheck::ConnectionBudgetCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : CrossTUCheck(Name, Context) {
  Budget.MaxConnections = Options.get("MaxConnections", Budget.MaxConnections);
  Budget.ReservedConnections =
      Options.get("ReservedConnections", Budget.ReservedConnections);
  Budget.Replicas = Options.get("Replicas", Budget.Replicas);
  if (Budget.Replicas < 1) {
    configurationDiag("invalid option 'Replicas': %0; expected at least 1")
        << static_cast<int>(Budget.Replicas);
    Budget.Replicas = 1;
  }
}

void ConnectionBudgetCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  CrossTUCheck::storeOptions(Opts);
  Options.store(Opts, "MaxConnections", Budget.MaxConnections);
  Options.store(Opts, "ReservedConnections", Budget.ReservedConnections);
  Options.store(Opts, "Replicas", Budget.Replicas);
}

std::vector<Finding> ConnectionBudgetCheck::reduce(const Facts &F) {
  return findBudgetOverruns(F, Budget);
}

} // namespace clang::tidy::poolguard
