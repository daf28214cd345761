//===----------------------------------------------------------------------===//
//
// Database addresses of connection strings; see DatabaseAddress.h.
//
//===----------------------------------------------------------------------===//

#include "facts/DatabaseAddress.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace clang::tidy::poolguard {

bool isDatabaseScheme(llvm::StringRef Scheme) {
  std::string Lower = Scheme.split('+').first.lower();
  return llvm::StringSwitch<bool>(Lower)
      .Cases("postgres", "postgresql", "pgsql", "mysql", "mysqlx", true)
      .Cases("mariadb", "redis", "rediss", "valkey", "mongodb", true)
      .Cases("sqlite", "sqlite3", "tcp", "unix", "clickhouse", true)
      .Cases("sqlserver", "mssql", "oracle", "cockroachdb", "tarantool", true)
      .Cases("cassandra", "memcached", true)
      .Default(false);
}

bool isKeywordDsn(llvm::StringRef Text) {
  llvm::StringRef T = Text.ltrim();
  llvm::StringRef Key =
      T.take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
  if (Key.empty() || !(llvm::isAlpha(Key[0]) || Key[0] == '_'))
    return false;
  llvm::StringRef Rest = T.drop_front(Key.size()).ltrim();
  if (Rest.starts_with("="))
    return true;
  // cppdb: "postgresql:dbname=test;@pool_size=10".
  if (!Rest.consume_front(":") || Rest.starts_with("/"))
    return false;
  llvm::StringRef Key2 =
      Rest.take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
  return !Key2.empty() && Rest.drop_front(Key2.size()).ltrim().starts_with("=");
}

llvm::StringRef defaultPortOf(llvm::StringRef SchemeOrDriver) {
  std::string Lower = SchemeOrDriver.split('+').first.trim().lower();
  return llvm::StringSwitch<llvm::StringRef>(Lower)
      .Cases("postgres", "postgresql", "pgsql", "pq", "qpsql", "5432")
      .Cases("mysql", "mariadb", "qmysql", "qmariadb", "3306")
      .Case("mysqlx", "33060")
      .Cases("redis", "rediss", "valkey", "6379")
      .Case("mongodb", "27017")
      .Case("cockroachdb", "26257")
      .Default("");
}

/// Every spelling of the local server is one host; a Unix socket directory
/// is the local server too.
static std::string normalHost(llvm::StringRef Host) {
  std::string H = Host.trim().lower();
  if (H.empty() || H == "localhost" || H == "127.0.0.1" || H == "::1" ||
      H == "[::1]" || llvm::StringRef(H).starts_with("/"))
    return "localhost";
  return H;
}

static bool isHostKey(llvm::StringRef K) {
  return K == "host" || K == "hostaddr" || K == "server" || K == "hostname" ||
         K == "data source";
}
static bool isDatabaseKey(llvm::StringRef K) {
  return K == "dbname" || K == "database" || K == "db" ||
         K == "initial catalog";
}

namespace {
/// The values a connection string gives, before defaults.
struct Given {
  std::optional<std::string> Host, Port, Database, File;
};
} // namespace

static void take(Given &G, llvm::StringRef Key, llvm::StringRef Value) {
  std::string K = Key.trim().lower();
  Value = Value.trim();
  if (isHostKey(K)) {
    // "host:port" (ODBC Server=tcp:db,1433 / [::1],1433 / db:3306) carries
    // the port too.
    Value.consume_front("tcp:");
    auto [H, P] = Value.rsplit(Value.contains(',') ? ',' : ':');
    bool PlainHost = !H.contains(':') && !H.contains(',');
    bool Bracketed = H.starts_with("[") && H.ends_with("]");
    if (!P.empty() && llvm::all_of(P, llvm::isDigit) &&
        (PlainHost || Bracketed)) {
      G.Host = H.str();
      G.Port = P.str();
      return;
    }
    G.Host = Value.str();
  } else if (K == "port") {
    G.Port = Value.str();
  } else if (isDatabaseKey(K)) {
    G.Database = Value.str();
  } else if (K == "filename" || K == "file") {
    G.File = Value.str();
  }
}

/// libpq's `key = value` list: whitespace-separated, values optionally
/// single-quoted with backslash escapes.
static bool parseLibpq(llvm::StringRef S, Given &G) {
  while (true) {
    S = S.ltrim();
    if (S.empty())
      return true;
    size_t Eq = S.find('=');
    if (Eq == llvm::StringRef::npos)
      return false;
    llvm::StringRef Key = S.take_front(Eq).trim();
    if (Key.empty() || Key.contains(' '))
      return false;
    S = S.drop_front(Eq + 1).ltrim();
    std::string Value;
    if (S.consume_front("'")) {
      bool Closed = false;
      while (!S.empty()) {
        char C = S.front();
        S = S.drop_front();
        if (C == '\\' && !S.empty()) {
          Value += S.front();
          S = S.drop_front();
        } else if (C == '\'') {
          Closed = true;
          break;
        } else {
          Value += C;
        }
      }
      if (!Closed)
        return false;
    } else {
      size_t End = S.find_first_of(" \t\r\n");
      Value = S.take_front(End).str();
      S = S.drop_front(std::min(End, S.size()));
    }
    take(G, Key, Value);
  }
}

/// `driver:key=value;key=value` (cppdb) or `Key=Value;Key=Value` (ODBC).
llvm::SmallVector<ConnectionOption, 8>
splitConnectionOptions(llvm::StringRef Conn, llvm::StringRef *Driver) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Conn.split(Parts, ';', -1, /*KeepEmpty=*/false);
  llvm::SmallVector<ConnectionOption, 8> Out;
  for (size_t I = 0; I < Parts.size(); ++I) {
    ConnectionOption O;
    O.Text = Parts[I];
    O.HasValue = Parts[I].contains('=');
    auto [Key, Value] = Parts[I].split('=');
    Key = Key.trim();
    if (I == 0 && Key.contains(':')) {
      auto [D, K] = Key.split(':');
      if (Driver)
        *Driver = D.trim();
      Key = K.trim();
    }
    O.Key = Key;
    O.Value = Value.trim();
    Out.push_back(O);
  }
  return Out;
}

static bool parseSemicolons(llvm::StringRef S, llvm::StringRef &Driver,
                            Given &G) {
  for (const ConnectionOption &O : splitConnectionOptions(S, &Driver)) {
    if (O.Text.trim().empty())
      continue;
    if (!O.HasValue)
      return false;
    take(G, O.Key, O.Value);
  }
  return true;
}

/// scheme://[user[:password]@]host[:port][,host2...][/database][?query]
static bool parseURL(llvm::StringRef S, llvm::StringRef &Scheme, Given &G) {
  size_t Sep = S.find("://");
  if (Sep == llvm::StringRef::npos)
    return false;
  Scheme = S.take_front(Sep);
  if (!isDatabaseScheme(Scheme))
    return false;
  llvm::StringRef Rest = S.drop_front(Sep + 3);
  llvm::StringRef Query;
  std::tie(Rest, Query) = Rest.split('?');
  auto [Authority, Path] = Rest.split('/');
  if (size_t At = Authority.rfind('@'); At != llvm::StringRef::npos)
    Authority = Authority.drop_front(At + 1);
  llvm::StringRef Host = Authority, Port;
  // [v6]:port, host:port; a host list keeps its own ports.
  if (!Authority.contains(',')) {
    size_t Colon = Authority.rfind(':');
    if (Colon != llvm::StringRef::npos &&
        (!Authority.starts_with("[") ||
         Authority.take_front(Colon).ends_with("]"))) {
      Host = Authority.take_front(Colon);
      Port = Authority.drop_front(Colon + 1);
    }
  }
  if (!Host.empty())
    G.Host = Host.str();
  if (!Port.empty())
    G.Port = Port.str();
  if (!Path.empty())
    G.Database = Path.str();
  llvm::SmallVector<llvm::StringRef, 8> Params;
  Query.split(Params, '&', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef P : Params) {
    auto [Key, Value] = P.split('=');
    if (isHostKey(Key) || Key == "port" || isDatabaseKey(Key))
      take(G, Key, Value);
  }
  return true;
}

static std::optional<DatabaseAddress> fromGiven(const Given &G,
                                                llvm::StringRef DefaultPort) {
  DatabaseAddress A;
  if (G.File && !G.Database && !G.Host) {
    A.Database = *G.File;
    A.IsFile = true;
    return A;
  }
  if (!G.Host && !G.Database)
    return std::nullopt;
  A.Host = normalHost(G.Host.value_or(""));
  // A host list ("a:5432,b:5432") keeps the ports its hosts give.
  A.Port = G.Port                                        ? *G.Port
           : llvm::StringRef(A.Host).contains(',') ? std::string()
                                                   : DefaultPort.str();
  A.Database = G.Database.value_or("");
  return A;
}

std::optional<DatabaseAddress>
parseDatabaseAddress(llvm::StringRef Conn, llvm::StringRef DefaultPort) {
  Conn = Conn.trim();
  Given G;
  llvm::StringRef Scheme;
  if (Conn.contains("://")) {
    if (!parseURL(Conn, Scheme, G))
      return std::nullopt;
    llvm::StringRef Known = defaultPortOf(Scheme);
    return fromGiven(G, Known.empty() ? DefaultPort : Known);
  }
  if (!isKeywordDsn(Conn) && !Conn.contains('='))
    return std::nullopt;
  llvm::StringRef Driver;
  bool DriverPrefix = Conn.take_until([](char C) { return C == '='; })
                          .contains(':');
  bool Parsed = Conn.contains(';') || DriverPrefix
                    ? parseSemicolons(Conn, Driver, G)
                    : parseLibpq(Conn, G);
  if (!Parsed)
    return std::nullopt;
  llvm::StringRef Known = defaultPortOf(Driver);
  return fromGiven(G, Known.empty() ? DefaultPort : Known);
}

std::string databaseKey(const DatabaseAddress &A) {
  if (A.IsFile)
    return "db:file:" + A.Database;
  return "db:" + A.Host + ":" + A.Port + "/" + A.Database;
}

std::string databaseKeyOf(llvm::ArrayRef<std::string> Keys,
                          llvm::ArrayRef<DsnRole> Roles,
                          llvm::StringRef DefaultPort) {
  assert(Keys.size() == Roles.size() && "one role per key");
  auto Kept = [&] {
    return Keys.size() == 1 ? Keys[0] : "parts:" + llvm::join(Keys, ";");
  };
  auto Literal = [](llvm::StringRef Key) -> std::optional<std::string> {
    if (!Key.consume_front("lit:"))
      return std::nullopt;
    return Key.str();
  };
  // An in-memory SQLite database is private to its connection.
  if (llvm::any_of(Keys, [](llvm::StringRef K) {
        return K.ends_with(":memory:") || K.contains("mode=memory");
      }))
    return "";
  // With roles, some known part must name the database or its server; a
  // driver, a port and unknown ("?") parts name nothing.
  bool Identified = false;
  for (size_t I = 0; I < Keys.size(); ++I) {
    DsnRole Role = Roles[I];
    Identified |= Role == DsnRole::None ||
                  ((Role == DsnRole::Dsn || Role == DsnRole::Host ||
                    Role == DsnRole::Database || Role == DsnRole::File) &&
                   Keys[I] != "?");
  }
  if (!Identified)
    return "";
  Given G;
  std::optional<std::string> Dsn;
  llvm::StringRef Port = DefaultPort;
  std::string DriverPort;
  bool AnyRole = false;
  for (size_t I = 0; I < Keys.size(); ++I) {
    DsnRole Role = Roles[I];
    if (Role == DsnRole::None && Keys.size() == 1)
      Role = DsnRole::Dsn;
    if (Role == DsnRole::None)
      return Kept();
    AnyRole = true;
    std::optional<std::string> V = Literal(Keys[I]);
    if (!V)
      return Kept();
    switch (Role) {
    case DsnRole::Dsn:
      Dsn = *V;
      break;
    case DsnRole::Driver:
      DriverPort = defaultPortOf(*V).str();
      break;
    case DsnRole::Host:
      take(G, "host", *V);
      break;
    case DsnRole::Port:
      G.Port = *V;
      break;
    case DsnRole::Database:
      G.Database = *V;
      break;
    case DsnRole::File:
      G.File = *V;
      break;
    case DsnRole::None:
      break;
    }
  }
  if (!AnyRole)
    return Kept();
  // A driver and a port name no database: unknown.
  if (!Dsn && !G.Host && !G.Database && !G.File)
    return "";
  if (!DriverPort.empty())
    Port = DriverPort;
  std::optional<DatabaseAddress> A =
      Dsn ? parseDatabaseAddress(*Dsn, Port) : fromGiven(G, Port);
  return A ? databaseKey(*A) : Kept();
}

} // namespace clang::tidy::poolguard
