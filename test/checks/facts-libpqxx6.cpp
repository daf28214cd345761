// REQUIRES: libpqxx
// RUN: %poolguard --dump-facts %s -- -std=c++17 | python3 %S/Inputs/facts_lines.py | %FileCheck %s

// libpqxx 6 (Debian bookworm's 6.4.5, real headers; the mocks are
// libpqxx 7's): pqxx::connection is an alias of the class template
// pqxx::basic_connection_base<connect_direct>, matched by the template's
// name, as a member (a pool type) and as a construction, also through
// std::make_unique in a loop (which keeps them: no pool per call). The
// template's other aliases count one connection each: lazyconnection opens
// on first use (an upper bound), nullconnection never (an overcount the
// model cannot avoid: it does not see the template argument).

#include <memory>
#include <pqxx/pqxx>
#include <vector>

class Store {
  pqxx::connection Conn{"host=db dbname=app"};
};

void connections() {
  std::vector<std::unique_ptr<pqxx::connection>> Workers;
  for (int I = 0; I < 3; ++I)
    Workers.push_back(std::make_unique<pqxx::connection>("host=db dbname=app"));
  pqxx::lazyconnection Lazy{"host=db dbname=app"};
  pqxx::nullconnection Null;
}

// CHECK: owner Store: member 'Conn' of type 'pqxx::connection' @facts-libpqxx6.cpp:18:20
// CHECK-NEXT: pool libpqxx pqxx::basic_connection_base size=1 text=1 db=db:db:5432/app dbtext=host=db dbname=app owner=Store module= fn= multiplier=1 @facts-libpqxx6.cpp:18:20
// CHECK-NEXT: pool libpqxx pqxx::basic_connection_base size=3 text=3 db=db:db:5432/app dbtext=host=db dbname=app owner= module= fn=connections multiplier=1 @facts-libpqxx6.cpp:24:23
// CHECK-NEXT: pool libpqxx pqxx::basic_connection_base size=1 text=1 db=db:db:5432/app dbtext=host=db dbname=app owner= module= fn=connections multiplier=1 @facts-libpqxx6.cpp:25:24
// CHECK-NEXT: pool libpqxx pqxx::basic_connection_base size=1 text=1 db= dbtext= owner= module= fn=connections multiplier=1 @facts-libpqxx6.cpp:26:24
