#!/usr/bin/env python3
"""Writes a synthetic C++ service of N translation units for the benchmarks.

    bench/generate.py [--tus N] [--seed S] [--compiler clang++-19] OUT_DIR

The project looks like a real service code base: most TUs are plain business
logic over the real standard library (<string>, <memory>, <vector>, <map>,
<algorithm>, <functional> from libstdc++), and the rest are the framework
code poolguard is about, in the proportions of the services the checks were
written from:

  45 %  business logic (no framework): repositories, DTOs, handlers
  15 %  Hypodermic registration modules (3-6 registrations each)
  10 %  soci services that own a connection pool
   8 %  Oat++ components that build a pool with createShared
   8 %  Drogon plugins/controllers that create DB clients
  10 %  DSN / configuration code (URL building, mostly correct)
   4 %  redis++ caches

A handful of real bugs are planted, as in a real code base: one pool-owning
service provided by three modules, two components building a pool on the same
DSN, and one DSN built by appending '?' to a URL that already has a query.

Framework headers: the mocks of test/checks/Inputs/Headers, but only their
framework subdirectories are copied (to OUT/third_party), so the real
standard headers are the ones included. OUT/compile_commands.json lists every
TU with `-std=c++17 -O2 -Iinclude -isystem third_party`.
"""

import argparse
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MOCKS = os.path.join(HERE, "..", "test", "checks", "Inputs", "Headers")
FRAMEWORK_DIRS = ["Hypodermic", "oatpp", "oatpp-postgresql", "oatpp-sqlite",
                  "drogon", "trantor", "json", "soci", "sw", "tao", "mysqlx",
                  "Poco"]

KINDS = [("logic", 45), ("hypodermic", 15), ("soci", 10), ("oatpp", 8),
         ("drogon", 8), ("dsn", 10), ("redis", 4)]

STD_COMMON = ["<string>", "<memory>", "<vector>", "<map>"]
STD_EXTRA = ["<algorithm>", "<functional>", "<unordered_map>", "<optional>",
             "<utility>", "<cstdint>", "<set>", "<sstream>"]

NOUNS = ["Order", "User", "Invoice", "Payment", "Product", "Cart", "Shipment",
         "Account", "Session", "Review", "Coupon", "Stock", "Audit", "Report",
         "Tenant", "Ticket", "Message", "Device", "Price", "Refund"]


def header_common():
    return """#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace app {

struct Config {
  std::string dbUrl;
  std::string cacheUrl;
  std::size_t poolSize = 8;
  std::map<std::string, std::string> extra;
};

/// The process environment, read once.
std::string env(const char *Name);
const Config &config();

struct Entity {
  std::int64_t id = 0;
  std::string name;
  std::map<std::string, std::string> attributes;
  virtual ~Entity() = default;
};

template <class T> class Repository {
public:
  virtual ~Repository() = default;
  virtual std::shared_ptr<T> find(std::int64_t Id) const = 0;
  virtual std::vector<std::shared_ptr<T>> all() const = 0;
  virtual void save(const std::shared_ptr<T> &Item) = 0;
};

} // namespace app
"""


def header_database():
    # The shared pool owner: provided once (correctly) by the core module,
    # and, the planted bug, again by two feature modules.
    return """#pragma once
#include <soci/soci.h>
#include "app/Common.h"

namespace app {

class Database {
public:
  Database();
  soci::session &session();

private:
  soci::connection_pool pool_;
};

} // namespace app
"""


def entity_header(noun):
    return f"""#pragma once
#include "app/Common.h"
#include <memory>
#include <string>
#include <vector>

namespace app {{

struct {noun} : Entity {{
  std::string status;
  std::vector<std::int64_t> related;
  double amount = 0;
}};

class {noun}Repository : public Repository<{noun}> {{
public:
  std::shared_ptr<{noun}> find(std::int64_t Id) const override;
  std::vector<std::shared_ptr<{noun}>> all() const override;
  void save(const std::shared_ptr<{noun}> &Item) override;

private:
  std::map<std::int64_t, std::shared_ptr<{noun}>> items_;
}};

class {noun}Service {{
public:
  explicit {noun}Service(std::shared_ptr<{noun}Repository> Repo);
  std::vector<std::string> summarize() const;

private:
  std::shared_ptr<{noun}Repository> repo_;
}};

}} // namespace app
"""


def includes(rng, extra_project):
    lines = [f"#include {h}" for h in STD_COMMON]
    lines += [f"#include {h}" for h in rng.sample(STD_EXTRA, rng.randint(1, 3))]
    lines += [f'#include "{h}"' for h in extra_project]
    return "\n".join(sorted(set(lines), key=lambda l: (l[9] == '"', l))) + "\n"


def tu_logic(i, rng):
    noun = rng.choice(NOUNS)
    other = rng.choice(NOUNS)
    body = includes(rng, [f"app/{noun}.h", f"app/{other}.h", "app/Common.h"])
    body += f"""#include <algorithm>
#include <functional>

namespace app {{
namespace tu{i} {{

struct Row{i} {{
  std::int64_t key;
  std::string label;
  std::vector<double> values;
}};

static double total(const std::vector<Row{i}> &Rows) {{
  double Sum = 0;
  for (const Row{i} &R : Rows)
    for (double V : R.values)
      Sum += V;
  return Sum;
}}

static std::map<std::string, std::vector<Row{i}>>
groupByLabel(const std::vector<Row{i}> &Rows) {{
  std::map<std::string, std::vector<Row{i}>> Groups;
  for (const Row{i} &R : Rows)
    Groups[R.label].push_back(R);
  return Groups;
}}

class {noun}Handler{i} {{
public:
  explicit {noun}Handler{i}(std::shared_ptr<{noun}Service> Svc)
      : svc_(std::move(Svc)) {{}}

  std::string handle(const std::string &Path,
                     const std::map<std::string, std::string> &Query) const {{
    auto It = Query.find("limit");
    std::size_t Limit = It == Query.end() ? 20 : std::stoul(It->second);
    std::vector<std::string> Lines = svc_->summarize();
    if (Lines.size() > Limit)
      Lines.resize(Limit);
    std::sort(Lines.begin(), Lines.end());
    std::string Out = Path + ":";
    for (const std::string &L : Lines)
      Out += L + "\\n";
    return Out;
  }}

  std::vector<Row{i}> rows(const std::vector<std::shared_ptr<{other}>> &Items) const {{
    std::vector<Row{i}> Rows;
    Rows.reserve(Items.size());
    std::transform(Items.begin(), Items.end(), std::back_inserter(Rows),
                   [](const std::shared_ptr<{other}> &E) {{
                     return Row{i}{{E->id, E->name, {{E->amount}}}};
                   }});
    return Rows;
  }}

  double report(const std::vector<std::shared_ptr<{other}>> &Items) const {{
    auto Groups = groupByLabel(rows(Items));
    double Best = 0;
    for (const auto &[Label, Group] : Groups)
      Best = std::max(Best, total(Group));
    std::function<bool(double)> Alert = [this](double V) {{ return V > threshold_; }};
    return Alert(Best) ? Best : 0;
  }}

private:
  std::shared_ptr<{noun}Service> svc_;
  double threshold_ = {rng.randint(10, 1000)}.5;
}};

std::unique_ptr<{noun}Handler{i}> make{noun}Handler{i}() {{
  auto Repo = std::make_shared<{noun}Repository>();
  return std::make_unique<{noun}Handler{i}>(std::make_shared<{noun}Service>(Repo));
}}

}} // namespace tu{i}
}} // namespace app
"""
    return body


def tu_hypodermic(i, rng, plant):
    nouns = rng.sample(NOUNS, rng.randint(3, 6))
    regs = []
    for n in nouns:
        regs.append(f"  Builder.registerType<{n}Repository>().singleInstance();")
        regs.append(f"  Builder.registerType<{n}Service>();")
    if plant == "database":
        # The planted bug: a feature module provides the pool owner again.
        regs.insert(0, "  Builder.registerType<Database>().singleInstance();")
    body = includes(rng, ["app/Database.h", "app/Modules.h"] +
                    [f"app/{n}.h" for n in nouns])
    body += f"""#include <Hypodermic/Hypodermic.h>

namespace app {{

void registerModule{i}(Hypodermic::ContainerBuilder &Builder) {{
{chr(10).join(regs)}
}}

}} // namespace app
"""
    return body


def tu_soci(i, rng):
    noun = rng.choice(NOUNS)
    return includes(rng, [f"app/{noun}.h", "app/Common.h"]) + f"""#include <soci/soci.h>

namespace app {{

class {noun}Store{i} {{
public:
  {noun}Store{i}() : pool_(config().poolSize) {{
    const std::string Url = env("{noun.upper()}_DB_URL");
    for (std::size_t I = 0; I != config().poolSize; ++I)
      pool_.at(I).open("postgresql", Url);
  }}

  std::vector<std::string> names() {{
    std::vector<std::string> Out;
    soci::session Session(pool_);
    for (int I = 0; I < {rng.randint(2, 9)}; ++I)
      Out.push_back("{noun.lower()}-" + std::to_string(I));
    return Out;
  }}

private:
  soci::connection_pool pool_;
}};

std::shared_ptr<{noun}Store{i}> make{noun}Store{i}() {{
  return std::make_shared<{noun}Store{i}>();
}}

}} // namespace app
"""


def tu_oatpp(i, rng, plant):
    noun = rng.choice(NOUNS)
    dsn = ("config->dbConnectionString" if plant == "oatpp"
           else f"config->{noun.lower()}Dsn{i}")
    return includes(rng, ["app/Common.h"]) + f"""#include <oatpp/core/macro/component.hpp>
#include <oatpp-postgresql/orm.hpp>

namespace app {{

struct ConfigDto{i} {{
  oatpp::String dbConnectionString;
  oatpp::String {noun.lower()}Dsn{i};
}};

class {noun}Db{i} : public oatpp::orm::DbClient {{
public:
  using oatpp::orm::DbClient::DbClient;
}};

class {noun}Component{i} {{
public:
  OATPP_CREATE_COMPONENT(std::shared_ptr<{noun}Db{i}>, db)([] {{
    OATPP_COMPONENT(oatpp::Object<ConfigDto{i}>, config);
    auto provider = std::make_shared<oatpp::postgresql::ConnectionProvider>({dsn});
    auto pool = oatpp::postgresql::ConnectionPool::createShared(provider, {rng.choice([4, 8, 10, 16])}, std::chrono::seconds(5));
    auto executor = std::make_shared<oatpp::postgresql::Executor>(pool);
    return std::make_shared<{noun}Db{i}>(executor);
  }}());
}};

}} // namespace app
"""


def tu_drogon(i, rng):
    noun = rng.choice(NOUNS)
    return includes(rng, ["app/Common.h"]) + f"""#include <drogon/drogon.h>

namespace app {{

class {noun}Plugin{i} {{
public:
  void initAndStart(const std::map<std::string, std::string> &Settings) {{
    auto It = Settings.find("{noun.lower()}_dsn");
    std::string Dsn = It == Settings.end() ? env("{noun.upper()}_PG_{i}") : It->second;
    client_ = drogon::orm::DbClient::newPgClient(Dsn, {rng.choice([2, 4, 8])});
  }}

  std::vector<std::string> tables() const {{
    std::vector<std::string> T = {{"{noun.lower()}s", "{noun.lower()}_events"}};
    return T;
  }}

private:
  drogon::orm::DbClientPtr client_;
}};

}} // namespace app
"""


def tu_dsn(i, rng, plant):
    noun = rng.choice(NOUNS).lower()
    if plant == "dsn":
        # The incident: the URL already carries ?schema=public.
        build = ('  return std::string("postgresql://app@db:5432/shop?schema=public") +\n'
                 '         "?connection_limit=5";')
    else:
        build = f"""  std::string Url = Base;
  Url += Url.find('?') == std::string::npos ? "?" : "&";
  Url += "connect_timeout={rng.randint(2, 30)}";
  return Url;"""
    return includes(rng, ["app/Common.h"]) + f"""
namespace app {{
namespace dsn{i} {{

std::string {noun}Url(const std::string &Base) {{
{build}
}}

std::map<std::string, std::string> parse(const std::string &Url) {{
  std::map<std::string, std::string> Params;
  std::size_t Q = Url.find('?');
  if (Q == std::string::npos)
    return Params;
  std::size_t Pos = Q + 1;
  while (Pos < Url.size()) {{
    std::size_t Amp = Url.find('&', Pos);
    std::string Part = Url.substr(Pos, Amp == std::string::npos ? std::string::npos : Amp - Pos);
    std::size_t Eq = Part.find('=');
    Params[Part.substr(0, Eq)] = Eq == std::string::npos ? "" : Part.substr(Eq + 1);
    if (Amp == std::string::npos)
      break;
    Pos = Amp + 1;
  }}
  return Params;
}}

}} // namespace dsn{i}
}} // namespace app
"""


def tu_redis(i, rng):
    noun = rng.choice(NOUNS)
    return includes(rng, ["app/Common.h"]) + f"""#include <sw/redis++/redis++.h>

namespace app {{

class {noun}Cache{i} {{
public:
  {noun}Cache{i}() {{
    sw::redis::ConnectionPoolOptions Pool;
    Pool.size = {rng.choice([2, 3, 4])};
    redis_ = std::make_unique<sw::redis::Redis>(sw::redis::ConnectionOptions(config().cacheUrl), Pool);
  }}
  void put(const std::string &K, const std::string &V) {{ redis_->set("{noun.lower()}:" + K, V); }}

private:
  std::unique_ptr<sw::redis::Redis> redis_;
}};

}} // namespace app
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--tus", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--compiler", default="clang++-19")
    args = ap.parse_args()

    out = os.path.abspath(args.out)
    rng = random.Random(args.seed)
    for sub in ("src", "include/app", "third_party"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for d in FRAMEWORK_DIRS:
        dst = os.path.join(out, "third_party", d)
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(os.path.join(MOCKS, d), dst)

    def write(rel, text):
        path = os.path.join(out, rel)
        with open(path, "w") as f:
            f.write(text)

    write("include/app/Common.h", header_common())
    write("include/app/Database.h", header_database())
    for n in NOUNS:
        write(f"include/app/{n}.h", entity_header(n))

    # Deterministic kinds; plants go to the first TUs of their kind.
    population = [k for k, w in KINDS for _ in range(w)]
    kinds = [rng.choice(population) for _ in range(args.tus)]
    planted = {"database": 2, "oatpp": 2, "dsn": 1}
    module_fns = []
    files = []
    for i, kind in enumerate(kinds):
        plant = None
        if kind == "hypodermic" and planted["database"]:
            planted["database"] -= 1
            plant = "database"
        elif kind == "oatpp" and planted["oatpp"]:
            planted["oatpp"] -= 1
            plant = "oatpp"
        elif kind == "dsn" and planted["dsn"]:
            planted["dsn"] -= 1
            plant = "dsn"
        if kind == "logic":
            text = tu_logic(i, rng)
        elif kind == "hypodermic":
            text = tu_hypodermic(i, rng, plant)
            module_fns.append(f"registerModule{i}")
        elif kind == "soci":
            text = tu_soci(i, rng)
        elif kind == "oatpp":
            text = tu_oatpp(i, rng, plant)
        elif kind == "drogon":
            text = tu_drogon(i, rng)
        elif kind == "dsn":
            text = tu_dsn(i, rng, plant)
        else:
            text = tu_redis(i, rng)
        name = f"src/{kind}_{i:05d}.cpp"
        write(name, f"// Generated by bench/generate.py ({kind}).\n" + text)
        files.append(name)

    # The composition root: the core module provides the Database once.
    decls = "\n".join(f"void {f}(Hypodermic::ContainerBuilder &Builder);"
                      for f in module_fns)
    write("include/app/Modules.h", "#pragma once\n#include <Hypodermic/Hypodermic.h>\n\nnamespace app {\n"
          + decls + "\n} // namespace app\n")
    calls = "\n".join(f"  {f}(Builder);" for f in module_fns)
    write("src/main.cpp", f"""// Generated by bench/generate.py (composition root).
#include "app/Database.h"
#include "app/Modules.h"
#include <Hypodermic/Hypodermic.h>
#include <memory>
#include <string>

namespace app {{
Database::Database() : pool_(config().poolSize) {{}}

void registerCore(Hypodermic::ContainerBuilder &Builder) {{
  Builder.registerType<Database>().singleInstance();
{calls}
}}
}} // namespace app

int main() {{
  Hypodermic::ContainerBuilder Builder;
  app::registerCore(Builder);
  return Builder.build() ? 0 : 1;
}}
""")
    files.append("src/main.cpp")

    db = []
    for f in files:
        obj = "obj/" + os.path.basename(f)[:-4] + ".o"
        db.append({"directory": out, "file": f,
                   "arguments": [args.compiler, "-std=c++17", "-O2", "-DNDEBUG",
                                 "-Iinclude", "-isystem", "third_party",
                                 "-c", f, "-o", obj]})
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    counts = {k: kinds.count(k) for k, _ in KINDS}
    print(f"{out}: {len(files)} TUs "
          + ", ".join(f"{k} {v}" for k, v in counts.items())
          + " + main", file=sys.stderr)


if __name__ == "__main__":
    main()
