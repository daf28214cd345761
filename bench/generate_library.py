#!/usr/bin/env python3
"""Writes a library-heavy C++ service of N translation units for the benchmarks.

    bench/generate_library.py [--tus N] [--seed S] [--compiler clang++-19] OUT_DIR

Where bench/generate.py's TUs include the standard library and small
framework mocks, these include the real headers Debian ships, as services
built on those libraries do (most of a TU's parse is then library code):

  30 %  HTTP handlers on Boost.Beast and Boost.Asio
  20 %  SOCI repositories that own a soci::connection_pool
  20 %  Poco::Data repositories that own a Poco::Data::SessionPool
  15 %  Qt SQL report code (QSqlDatabase::addDatabase per connection name)
  15 %  configuration and DSN code (Boost.Algorithm string helpers)

One DSN built by appending '?' to a URL that already has a query is planted.
The headers come from Debian packages that are NOT among poolguard's build or
test packages (docs/performance.md, "Reproduce"):

    apt-get install libboost-dev libsoci-dev libpoco-dev qtbase5-dev

OUT/compile_commands.json lists every TU with
`-std=c++17 -O2 -Iinclude -isystem <Qt include directories> -fPIC`.
"""

import argparse
import json
import os
import random
import sys

QT = "/usr/include/x86_64-linux-gnu/qt5"
KINDS = [("http", 30), ("soci", 20), ("poco", 20), ("qt", 15), ("config", 15)]
REQUIRED = {"libboost-dev": "/usr/include/boost/beast/http.hpp",
            "libsoci-dev": "/usr/include/soci/soci.h",
            "libpoco-dev": "/usr/include/Poco/Data/SessionPool.h",
            "qtbase5-dev": QT + "/QtSql/QSqlDatabase"}
NOUNS = ["Order", "User", "Invoice", "Payment", "Product", "Cart", "Shipment",
         "Account", "Session", "Review", "Coupon", "Stock", "Audit", "Report"]


def common_header():
    return """#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace svc {
struct Settings {
  std::string dbUrl = "postgresql://db:5432/app?sslmode=require";
  std::size_t poolSize = 8;
  std::map<std::string, std::string> extra;
};
const Settings &settings();

struct Row {
  std::int64_t id = 0;
  std::string name;
  std::map<std::string, std::string> attributes;
};
} // namespace svc
"""


def tu_http(i, rng):
    noun = rng.choice(NOUNS)
    return f"""#include "svc/Common.h"
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>

namespace svc {{
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

http::response<http::string_body>
handle{noun}{i}(const http::request<http::string_body> &Req) {{
  http::response<http::string_body> Res{{http::status::ok, Req.version()}};
  Res.set(http::field::server, BOOST_BEAST_VERSION_STRING);
  Res.set(http::field::content_type, "application/json");
  if (Req.method() != http::verb::get) {{
    Res.result(http::status::bad_request);
    Res.body() = "{{\\"error\\": \\"only GET\\"}}";
  }} else {{
    Res.body() = "{{\\"{noun.lower()}\\": {i}}}";
  }}
  Res.keep_alive(Req.keep_alive());
  Res.prepare_payload();
  return Res;
}}

void serve{noun}{i}(boost::asio::io_context &Ioc, unsigned short Port) {{
  tcp::acceptor Acceptor{{Ioc, {{tcp::v4(), Port}}}};
  for (;;) {{
    tcp::socket Socket{{Ioc}};
    Acceptor.accept(Socket);
    boost::beast::flat_buffer Buffer;
    http::request<http::string_body> Req;
    boost::beast::error_code Ec;
    http::read(Socket, Buffer, Req, Ec);
    if (Ec)
      continue;
    http::write(Socket, handle{noun}{i}(Req), Ec);
    Socket.shutdown(tcp::socket::shutdown_send, Ec);
  }}
}}
}} // namespace svc
"""


def tu_soci(i, rng):
    noun = rng.choice(NOUNS)
    return f"""#include "svc/Common.h"
#include <soci/soci.h>

namespace svc {{
class {noun}Repository{i} {{
public:
  {noun}Repository{i}() : Pool(settings().poolSize) {{
    for (std::size_t I = 0; I != settings().poolSize; ++I)
      Pool.at(I).open("postgresql", settings().dbUrl);
  }}
  int count() {{
    soci::session Sql(Pool);
    int N = 0;
    Sql << "select count(*) from {noun.lower()}s", soci::into(N);
    return N;
  }}
  std::vector<std::string> names() {{
    soci::session Sql(Pool);
    soci::rowset<std::string> Rows =
        (Sql.prepare << "select name from {noun.lower()}s");
    return std::vector<std::string>(Rows.begin(), Rows.end());
  }}

private:
  soci::connection_pool Pool;
}};

int count{noun}s{i}() {{
  static {noun}Repository{i} Repository;
  return Repository.count();
}}
}} // namespace svc
"""


def tu_poco(i, rng):
    noun = rng.choice(NOUNS)
    return f"""#include "svc/Common.h"
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>

namespace svc {{
using namespace Poco::Data::Keywords;

class {noun}Store{i} {{
public:
  {noun}Store{i}() : Pool("PostgreSQL", "host=db dbname={noun.lower()}s", 1, 16) {{}}
  int count() {{
    Poco::Data::Session S = Pool.get();
    int N = 0;
    S << "SELECT COUNT(*) FROM {noun.lower()}s", into(N), now;
    return N;
  }}
  void rename(std::int64_t Id, std::string Name) {{
    Poco::Data::Session S = Pool.get();
    S << "UPDATE {noun.lower()}s SET name = ? WHERE id = ?", use(Name), use(Id), now;
  }}

private:
  Poco::Data::SessionPool Pool;
}};

int count{noun}s{i}() {{
  static {noun}Store{i} Store;
  return Store.count();
}}
}} // namespace svc
"""


def tu_qt(i, rng):
    noun = rng.choice(NOUNS)
    return f"""#include "svc/Common.h"
#include <QtCore/QString>
#include <QtCore/QVariant>
#include <QtCore/QThread>
#include <QtSql/QSqlDatabase>
#include <QtSql/QSqlError>
#include <QtSql/QSqlQuery>

namespace svc {{
QSqlDatabase open{noun}Reports{i}() {{
  QSqlDatabase Db = QSqlDatabase::addDatabase("QPSQL", "{noun.lower()}-reports-{i}");
  Db.setHostName("reports-db");
  Db.setPort(5432);
  Db.setDatabaseName("reports");
  Db.open();
  return Db;
}}

int count{noun}Reports{i}() {{
  QSqlQuery Query(open{noun}Reports{i}());
  if (!Query.exec("SELECT COUNT(*) FROM {noun.lower()}_reports") || !Query.next())
    return -1;
  return Query.value(0).toInt();
}}
}} // namespace svc
"""


def tu_config(i, rng, plant):
    noun = rng.choice(NOUNS)
    append = ('Url + "?connect_timeout=5"' if plant
              else 'Url + (Url.find(\'?\') == std::string::npos ? "?" : "&") + "connect_timeout=5"')
    return f"""#include "svc/Common.h"
#include <boost/algorithm/string.hpp>
#include <boost/lexical_cast.hpp>
#include <algorithm>
#include <sstream>

namespace svc {{
std::string {noun.lower()}Url{i}() {{
  std::string Url = "postgresql://{noun.lower()}-db:5432/{noun.lower()}s?sslmode=require";
  boost::algorithm::trim(Url);
  return {append};
}}

std::vector<std::string> {noun.lower()}Hosts{i}(const std::string &List) {{
  std::vector<std::string> Hosts;
  boost::algorithm::split(Hosts, List, boost::is_any_of(","));
  for (std::string &H : Hosts)
    boost::algorithm::to_lower(H);
  Hosts.erase(std::remove(Hosts.begin(), Hosts.end(), ""), Hosts.end());
  return Hosts;
}}

int {noun.lower()}Port{i}(const std::string &Text) {{
  return boost::lexical_cast<int>(Text);
}}
}} // namespace svc
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--tus", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--compiler", default="clang++-19")
    args = ap.parse_args()
    missing = [p for p, h in REQUIRED.items() if not os.path.exists(h)]
    if missing:
        sys.exit("generate_library.py: missing headers; apt-get install "
                 + " ".join(missing))

    out = os.path.abspath(args.out)
    rng = random.Random(args.seed)
    for sub in ("src", "include/svc"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)

    def write(rel, text):
        with open(os.path.join(out, rel), "w") as f:
            f.write(text)

    write("include/svc/Common.h", common_header())
    population = [k for k, w in KINDS for _ in range(w)]
    kinds = [rng.choice(population) for _ in range(args.tus)]
    planted = False
    files = []
    for i, kind in enumerate(kinds):
        if kind == "config":
            text = tu_config(i, rng, not planted)
            planted = True
        else:
            text = globals()["tu_" + kind](i, rng)
        name = f"src/{kind}_{i:05d}.cpp"
        write(name, f"// Generated by bench/generate_library.py ({kind}).\n" + text)
        files.append(name)

    flags = ["-std=c++17", "-O2", "-DNDEBUG", "-Iinclude", "-isystem", QT,
             "-isystem", QT + "/QtCore", "-isystem", QT + "/QtSql", "-fPIC"]
    db = [{"directory": out, "file": f,
           "arguments": [args.compiler] + flags +
           ["-c", f, "-o", "obj/" + os.path.basename(f)[:-4] + ".o"]}
          for f in files]
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    counts = {k: kinds.count(k) for k, _ in KINDS}
    print(f"{out}: {len(files)} TUs "
          + ", ".join(f"{k} {v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
