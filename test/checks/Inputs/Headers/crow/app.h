// Mock of crow/app.h (CrowCpp/Crow): real names and signatures, trimmed.
#ifndef POOLGUARD_MOCK_CROW_APP_H
#define POOLGUARD_MOCK_CROW_APP_H
#include "crow/routing.h"

#define CROW_ROUTE(app, url)                                                   \
  app.template route<crow::black_magic::get_parameter_tag(url)>(url)

namespace crow {

template <typename... Middlewares> class Crow {
public:
  using self_t = Crow;
  template <std::uint64_t Tag> auto route(const std::string &rule) -> TaggedRule<> & {
    return router_.new_rule_tagged<Tag>(rule);
  }
  self_t &port(std::uint16_t port);
  self_t &multithreaded();
  void run();

private:
  Router router_;
};

using SimpleApp = Crow<>;

} // namespace crow
#endif
