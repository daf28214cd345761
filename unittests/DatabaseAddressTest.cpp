//===----------------------------------------------------------------------===//
//
// Unit tests of database addresses: the same database spelled as a URL, a
// libpq keyword string, a cppdb/ODBC string or separate parts gets one key.
//
//===----------------------------------------------------------------------===//

#include "facts/DatabaseAddress.h"
#include "gtest/gtest.h"

namespace clang::tidy::poolguard {
namespace {

std::string key(llvm::StringRef Conn, llvm::StringRef DefaultPort = "") {
  std::optional<DatabaseAddress> A = parseDatabaseAddress(Conn, DefaultPort);
  return A ? databaseKey(*A) : "none";
}

TEST(DatabaseAddressTest, URL) {
  EXPECT_EQ(key("postgresql://u:p@DB.internal:5433/app?schema=public"),
            "db:db.internal:5433/app");
  // The scheme's default port; users, passwords and options do not count.
  EXPECT_EQ(key("postgres://db/app"), "db:db:5432/app");
  EXPECT_EQ(key("postgresql://other:secret@db:5432/app?sslmode=require"),
            "db:db:5432/app");
  EXPECT_EQ(key("mysql://root@db/shop"), "db:db:3306/shop");
  EXPECT_EQ(key("mysqlx://root@db/shop"), "db:db:33060/shop");
  EXPECT_EQ(key("redis://cache"), "db:cache:6379/");
  // IPv6 and host lists.
  EXPECT_EQ(key("postgresql://[2001:db8::1]:6000/app"),
            "db:[2001:db8::1]:6000/app");
  EXPECT_EQ(key("postgresql://a:1,b:2/app"), "db:a:1,b:2:/app");
  // libpq takes host, port and dbname from the query too; a socket
  // directory is the local server.
  EXPECT_EQ(key("postgresql:///app?host=/var/run/postgresql"),
            "db:localhost:5432/app");
  EXPECT_EQ(key("postgresql://db/app?dbname=other&port=7"), "db:db:7/other");
  // Not a database URL.
  EXPECT_EQ(key("https://example.com/app"), "none");
}

TEST(DatabaseAddressTest, LibpqKeywords) {
  EXPECT_EQ(key("host=db port=5432 dbname=app user=u password=p", "5432"),
            "db:db:5432/app");
  EXPECT_EQ(key("dbname=app host=db", "5432"), "db:db:5432/app");
  EXPECT_EQ(key("dbname = 'my app' host='db'", "5432"),
            "db:db:5432/my app");
  EXPECT_EQ(key("dbname='it\\'s'", "5432"), "db:localhost:5432/it's");
  // The default port is the caller's (the model's) when the string has none.
  EXPECT_EQ(key("host=db dbname=app"), "db:db:/app");
  // Malformed: an unterminated quote, a key with a space, no host nor
  // database.
  EXPECT_EQ(key("dbname='app"), "none");
  EXPECT_EQ(key("a b=c"), "none");
  EXPECT_EQ(key("user=u password=p"), "none");
  EXPECT_EQ(key("just text"), "none");
}

TEST(DatabaseAddressTest, SemicolonStrings) {
  EXPECT_EQ(key("postgresql:host=db;dbname=app;@pool_size=10"),
            "db:db:5432/app");
  EXPECT_EQ(key("mysql:database=shop;host=db;user=u"), "db:db:3306/shop");
  EXPECT_EQ(key("Server=db,1433;Database=app;User Id=u", "1433"),
            "db:db:1433/app");
  EXPECT_EQ(key("sqlite3:db=app.db"), "db:localhost:/app.db");
  EXPECT_EQ(key("Server=tcp:db,1433;Database=app"), "db:db:1433/app");
  EXPECT_EQ(key("Server=[2001:db8::1],1433;Database=app"),
            "db:[2001:db8::1]:1433/app");
}

TEST(DatabaseAddressTest, LocalSpellingsAreOneHost) {
  EXPECT_EQ(key("host=localhost dbname=app", "5432"),
            key("host=127.0.0.1 dbname=app", "5432"));
  EXPECT_EQ(key("dbname=app", "5432"), key("postgresql://localhost/app"));
  EXPECT_EQ(key("host=::1 dbname=app", "5432"),
            key("postgresql://[::1]/app"));
}

TEST(DatabaseAddressTest, DefaultPorts) {
  EXPECT_EQ(defaultPortOf("postgresql"), "5432");
  EXPECT_EQ(defaultPortOf("PostgreSQL"), "5432");
  EXPECT_EQ(defaultPortOf("postgresql+asyncpg"), "5432");
  EXPECT_EQ(defaultPortOf("MySQL"), "3306");
  EXPECT_EQ(defaultPortOf("sqlite3"), "");
}

TEST(DatabaseAddressTest, KeyOfParts) {
  using R = DsnRole;
  // Host, port and database parts give the same key as the string.
  EXPECT_EQ(databaseKeyOf({"lit:db", "lit:5432", "lit:app"},
                          {R::Host, R::Port, R::Database}, ""),
            key("host=db port=5432 dbname=app"));
  EXPECT_EQ(databaseKeyOf({"lit:127.0.0.1", "lit:5432", "lit:app"},
                          {R::Host, R::Port, R::Database}, ""),
            key("postgresql://localhost/app"));
  // A whole string, alone without a role or with the role dsn.
  EXPECT_EQ(databaseKeyOf({"lit:postgresql://db/app"}, {R::None}, ""),
            "db:db:5432/app");
  EXPECT_EQ(databaseKeyOf({"lit:PostgreSQL", "lit:host=db dbname=app"},
                          {R::Driver, R::Dsn}, ""),
            "db:db:5432/app");
  EXPECT_EQ(databaseKeyOf({"lit:app.db"}, {R::File}, ""), "db:file:app.db");
  // Qt: the driver decides the default port; a driver alone (no setter
  // found) names no database.
  EXPECT_EQ(databaseKeyOf({"lit:QPSQL", "lit:db", "lit:shop"},
                          {R::Driver, R::Host, R::Database}, ""),
            "db:db:5432/shop");
  EXPECT_EQ(databaseKeyOf({"lit:QPSQL"}, {R::Driver}, ""), "");
  EXPECT_EQ(databaseKeyOf({"lit:QPSQL", "lit:5432"}, {R::Driver, R::Port}, ""),
            "");
  // A host setter not found is an unknown host: compared as written, never
  // the local server; with nothing else known, no database.
  EXPECT_EQ(databaseKeyOf({"lit:QPSQL", "?", "lit:shop"},
                          {R::Driver, R::Host, R::Database}, ""),
            "parts:lit:QPSQL;?;lit:shop");
  EXPECT_EQ(databaseKeyOf({"lit:QPSQL", "?"}, {R::Driver, R::Host}, ""), "");
  // A known but not constant part still names a database.
  EXPECT_EQ(databaseKeyOf({"lit:PostgreSQL", "env:USERS_DB"},
                          {R::Driver, R::Dsn}, ""),
            "parts:lit:PostgreSQL;env:USERS_DB");
  // In-memory SQLite databases are private to their connection.
  EXPECT_EQ(databaseKeyOf({"lit::memory:"}, {R::File}, ""), "");
  EXPECT_EQ(databaseKeyOf({"lit:filename=:memory:"}, {R::None}, ""), "");
  // An unknown or non-literal part keeps the parts as written.
  EXPECT_EQ(databaseKeyOf({"env:DB_HOST", "lit:5432", "lit:app"},
                          {R::Host, R::Port, R::Database}, ""),
            "parts:env:DB_HOST;lit:5432;lit:app");
  EXPECT_EQ(databaseKeyOf({"lit:db", "lit:app"}, {R::None, R::None}, ""),
            "parts:lit:db;lit:app");
  EXPECT_EQ(databaseKeyOf({"env:DATABASE_URL"}, {R::None}, ""),
            "env:DATABASE_URL");
  EXPECT_EQ(databaseKeyOf({"lit:not a dsn"}, {R::None}, ""),
            "lit:not a dsn");
}

} // namespace
} // namespace clang::tidy::poolguard
