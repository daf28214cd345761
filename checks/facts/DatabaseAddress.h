//===----------------------------------------------------------------------===//
//
// Which database server and database a connection string or a set of
// host/port/database values reaches, so that the same database spelled as a
// URL, a libpq keyword string, a cppdb/ODBC string, separate constructor
// arguments or a configuration file entry compares equal. Pure logic, no AST.
//
//===----------------------------------------------------------------------===//

#ifndef POOLGUARD_FACTS_DATABASEADDRESS_H
#define POOLGUARD_FACTS_DATABASEADDRESS_H

#include "models/Model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace clang::tidy::poolguard {

/// True for database URL schemes: postgres, postgresql, mysql, mysqlx, redis,
/// rediss, mongodb, sqlite, tcp (redis++), ... A "+driver" suffix
/// ("mongodb+srv") is ignored. Case-insensitive.
bool isDatabaseScheme(llvm::StringRef Scheme);
/// True for strings that are not URLs but keyword lists: libpq
/// "host=h dbname=d", ODBC/Poco "host=h;port=p", cppdb "pgsql:dbname=d;".
bool isKeywordDsn(llvm::StringRef Text);

/// A database server and a database on it. Users, passwords and options
/// (sslmode, pool sizes, timeouts) do not tell databases apart.
struct DatabaseAddress {
  std::string Host;     ///< Lowercase; "localhost" for every local spelling.
  std::string Port;     ///< Empty when neither given nor known by default.
  std::string Database; ///< Database name, or the file of an SQLite one.
  bool IsFile = false;  ///< \c Database is a file (SQLite).
};

/// The default port of a URL scheme or driver name ("postgresql", "mysql",
/// "redis", "PostgreSQL"), or empty when it is not known.
llvm::StringRef defaultPortOf(llvm::StringRef SchemeOrDriver);

/// Parses \p Conn as a database URL (`postgresql://u:p@db:5432/app?x=y`,
/// including `host`, `port` and `dbname` query parameters), a libpq keyword
/// string (`host=db port=5432 dbname=app`, single-quoted values) or a
/// `;`-separated one with an optional driver prefix
/// (`postgresql:host=db;dbname=app`, `Server=db;Database=app`). A missing
/// port is the scheme's or driver's default, else \p DefaultPort. None when
/// the string names neither a host nor a database.
std::optional<DatabaseAddress> parseDatabaseAddress(llvm::StringRef Conn,
                                                    llvm::StringRef DefaultPort);

/// One `key=value` entry of a `;`-separated connection string.
struct ConnectionOption {
  llvm::StringRef Text;  ///< The entry as written.
  llvm::StringRef Key;   ///< Trimmed; without the driver prefix.
  llvm::StringRef Value; ///< Trimmed.
  bool HasValue = false; ///< The entry has an '='.
};

/// Splits a cppdb or ODBC connection string ("mysql:database=x;@pool_size=4",
/// "Server=db;Database=app") into its non-empty entries. The driver prefix
/// of the first entry ("mysql") is not part of its key; it goes to
/// \p Driver when given.
llvm::SmallVector<ConnectionOption, 8>
splitConnectionOptions(llvm::StringRef Conn, llvm::StringRef *Driver = nullptr);

/// The facts key of \p A ("db:localhost:5432/app", "db:file:app.db").
std::string databaseKey(const DatabaseAddress &A);

/// The database key of a pool whose identity parts have the keys \p Keys
/// ("lit:<text>", "env:<name>", ...; "?" when unknown) and the roles
/// \p Roles (same length). A literal whole connection string (role Dsn, or a
/// single part without a role) and literal host/port/database parts become a
/// databaseKey(); anything else keeps the parts as they are ("parts:k1;k2"
/// or the single key), compared as written.
std::string databaseKeyOf(llvm::ArrayRef<std::string> Keys,
                          llvm::ArrayRef<DsnRole> Roles,
                          llvm::StringRef DefaultPort);

} // namespace clang::tidy::poolguard

#endif // POOLGUARD_FACTS_DATABASEADDRESS_H
