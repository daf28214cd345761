// The DSN half of the incident against the real drivers: a URL that already
// has a query gets one more parameter appended with '?'. Each driver is
// given the result and prints what it did: libpq's parser and connect, and
// SOCI's and Poco::Data's own connect (both hand the string to libpq).
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SessionPool.h>
#include <cstdio>
#include <libpq-fe.h>
#include <soci/session.h>
#include <string>

// The incident's URL, and one whose first parameter libpq knows.
static const std::string DATABASE_LINK =
    "postgresql://app:secret@db:5432/company?schema=public";
static const std::string LOCAL_LINK =
    "postgresql:///app?application_name=orders";

static void report(const char *Driver, const std::string &Result) {
  std::string Line = Result;
  for (char &C : Line)
    if (C == '\n')
      C = ' ';
  while (!Line.empty() && Line.back() == ' ')
    Line.pop_back();
  std::printf("  %s: %s\n", Driver, Line.c_str());
}

static void tryDrivers(const std::string &Url) {
  std::printf("%s\n", Url.c_str());
  char *Error = nullptr;
  PQconninfoOption *Options = PQconninfoParse(Url.c_str(), &Error);
  report("PQconninfoParse", Options ? "accepted" : Error);
  PQconninfoFree(Options);
  PQfreemem(Error);
  PGconn *Conn = PQconnectdb(Url.c_str());
  report("PQconnectdb", PQstatus(Conn) == CONNECTION_OK ? "connected"
                                                        : PQerrorMessage(Conn));
  PQfinish(Conn);
  try {
    soci::session Session("postgresql", Url);
    report("soci::session", "connected");
  } catch (const std::exception &E) {
    report("soci::session", E.what());
  }
  try {
    Poco::Data::SessionPool Pool("PostgreSQL", Url);
    Pool.get();
    report("Poco::Data::SessionPool", "connected");
  } catch (const Poco::Exception &E) {
    report("Poco::Data::SessionPool", E.displayText());
  }
}

int main() {
  Poco::Data::PostgreSQL::Connector::registerConnector();
  tryDrivers(DATABASE_LINK + "?connection_limit=5");
  tryDrivers(LOCAL_LINK + "?connect_timeout=5");
  // The fix: '&'.
  tryDrivers(LOCAL_LINK + "&connect_timeout=5");
  return 0;
}
