//===----------------------------------------------------------------------===//
//
// --server-limits: see ServerLimits.h.
//
//===----------------------------------------------------------------------===//

#include "ServerLimits.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/DynamicLibrary.h"
#include "llvm/Support/FormatVariadic.h"
#include <postgresql/libpq-fe.h>
#include <memory>
#include <optional>

namespace poolguard {

namespace {

/// PostgreSQL's upper bound of max_connections and the reserved settings.
constexpr int64_t MaxBackends = 262143;

llvm::Error limitsError(const llvm::Twine &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

/// libpq, loaded when --server-limits asks for it: linked, it and the TLS,
/// Kerberos and LDAP libraries behind it would be loaded at every start of
/// poolguard, a cost in every one-TU pre-commit run.
struct LibPQ {
  decltype(&::PQconnectdbParams) PQconnectdbParams = nullptr;
  decltype(&::PQstatus) PQstatus = nullptr;
  decltype(&::PQerrorMessage) PQerrorMessage = nullptr;
  decltype(&::PQfinish) PQfinish = nullptr;
  decltype(&::PQexec) PQexec = nullptr;
  decltype(&::PQresultStatus) PQresultStatus = nullptr;
  decltype(&::PQnfields) PQnfields = nullptr;
  decltype(&::PQntuples) PQntuples = nullptr;
  decltype(&::PQgetvalue) PQgetvalue = nullptr;
  decltype(&::PQclear) PQclear = nullptr;

  /// Loads libpq.so.5 (Debian's libpq5) once.
  static llvm::Expected<const LibPQ &> get() {
    static LibPQ L;
    static std::string Error = L.load();
    if (!Error.empty())
      return limitsError(Error);
    return L;
  }

private:
  std::string load() {
    static constexpr const char *Name = "libpq.so.5";
    std::string Why;
    auto Lib = llvm::sys::DynamicLibrary::getPermanentLibrary(Name, &Why);
    if (!Lib.isValid())
      return "cannot load " + std::string(Name) +
             " (Debian package libpq5): " + Why;
    std::string Missing;
    auto Bind = [&](auto &Fn, const char *Symbol) {
      Fn = reinterpret_cast<std::remove_reference_t<decltype(Fn)>>(
          Lib.getAddressOfSymbol(Symbol));
      if (!Fn && Missing.empty())
        Missing = Symbol;
    };
    Bind(PQconnectdbParams, "PQconnectdbParams");
    Bind(PQstatus, "PQstatus");
    Bind(PQerrorMessage, "PQerrorMessage");
    Bind(PQfinish, "PQfinish");
    Bind(PQexec, "PQexec");
    Bind(PQresultStatus, "PQresultStatus");
    Bind(PQnfields, "PQnfields");
    Bind(PQntuples, "PQntuples");
    Bind(PQgetvalue, "PQgetvalue");
    Bind(PQclear, "PQclear");
    if (!Missing.empty())
      return std::string(Name) + " has no function " + Missing;
    return "";
  }
};

struct ConnCloser {
  const LibPQ *PQ;
  void operator()(PGconn *C) const { PQ->PQfinish(C); }
};
struct ResultCloser {
  const LibPQ *PQ;
  void operator()(PGresult *R) const { PQ->PQclear(R); }
};

/// libpq's message (several lines, tab-indented) on one line.
std::string libpqMessage(const LibPQ &PQ, PGconn *Conn) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  llvm::StringRef(PQ.PQerrorMessage(Conn)).split(Lines, '\n', -1, false);
  for (llvm::StringRef &L : Lines)
    L = L.trim();
  return llvm::join(Lines, " ");
}

/// The setting \p Name as a number in [Min, MaxBackends]; a setting the
/// server does not have is \p Missing when given, else an error.
llvm::Expected<int64_t> setting(const llvm::StringMap<std::string> &Settings,
                                llvm::StringRef Name, int64_t Min,
                                std::optional<int64_t> Missing) {
  auto It = Settings.find(Name);
  if (It == Settings.end()) {
    if (Missing)
      return *Missing;
    return limitsError("the server has no setting '" + Name + "'");
  }
  int64_t Value;
  if (!llvm::to_integer(It->second, Value, 10) || Value < Min ||
      Value > MaxBackends)
    return limitsError(llvm::formatv("the server's '{0}' is '{1}', not a "
                                     "number from {2} to {3}",
                                     Name, It->second, Min, MaxBackends)
                           .str());
  return Value;
}

/// The rows of pg_settings that limit connections, as name -> setting.
llvm::Expected<llvm::StringMap<std::string>> querySettings(const LibPQ &PQ,
                                                           PGconn *Conn) {
  std::unique_ptr<PGresult, ResultCloser> Result(
      PQ.PQexec(Conn,
                "SELECT name, setting FROM pg_catalog.pg_settings WHERE name "
                "IN ('max_connections', 'superuser_reserved_connections', "
                "'reserved_connections')"),
      ResultCloser{&PQ});
  if (PQ.PQresultStatus(Result.get()) != PGRES_TUPLES_OK ||
      PQ.PQnfields(Result.get()) != 2)
    return limitsError("cannot read pg_settings: " + libpqMessage(PQ, Conn));
  llvm::StringMap<std::string> Settings;
  for (int Row = 0, Rows = PQ.PQntuples(Result.get()); Row != Rows; ++Row)
    Settings[PQ.PQgetvalue(Result.get(), Row, 0)] =
        PQ.PQgetvalue(Result.get(), Row, 1);
  return Settings;
}

} // namespace

llvm::Expected<ServerLimits>
limitsFromSettings(const llvm::StringMap<std::string> &Settings) {
  auto Max = setting(Settings, "max_connections", 1, std::nullopt);
  if (!Max)
    return Max.takeError();
  auto Superuser =
      setting(Settings, "superuser_reserved_connections", 0, std::nullopt);
  if (!Superuser)
    return Superuser.takeError();
  // PostgreSQL 16 and later only.
  auto Reserved = setting(Settings, "reserved_connections", 0, 0);
  if (!Reserved)
    return Reserved.takeError();
  ServerLimits Limits;
  Limits.MaxConnections = *Max;
  Limits.ReservedConnections = *Superuser + *Reserved;
  return Limits;
}

llvm::Expected<ServerLimits> readServerLimits(llvm::StringRef Conninfo) {
  auto Loaded = LibPQ::get();
  if (!Loaded)
    return Loaded.takeError();
  const LibPQ &PQ = *Loaded;
  // connect_timeout first: the connection string's own value wins.
  std::string Info = Conninfo.str();
  const char *Keys[] = {"connect_timeout", "dbname", nullptr};
  const char *Values[] = {"10", Info.c_str(), nullptr};
  std::unique_ptr<PGconn, ConnCloser> Conn(
      PQ.PQconnectdbParams(Keys, Values, /*expand_dbname=*/1),
      ConnCloser{&PQ});
  if (!Conn)
    return limitsError("cannot connect: out of memory");
  if (PQ.PQstatus(Conn.get()) != CONNECTION_OK)
    return limitsError("cannot connect: " + libpqMessage(PQ, Conn.get()));
  auto Settings = querySettings(PQ, Conn.get());
  if (!Settings)
    return Settings.takeError();
  return limitsFromSettings(*Settings);
}

} // namespace poolguard
