// Mock of crow/routing.h (CrowCpp/Crow): real names and signatures, trimmed.
// CROW_ROUTE returns a TaggedRule; the handler is given to its operator(),
// and Crow calls it once per request.
#ifndef POOLGUARD_MOCK_CROW_ROUTING_H
#define POOLGUARD_MOCK_CROW_ROUTING_H
#include <cstdint>
#include <string>
#include <utility>

namespace crow {

struct request {};
struct response {
  response();
  explicit response(std::string body);
};

enum class HTTPMethod : char { Delete = 0, Get, Head, Post, Put };

namespace black_magic {
// Real: computes the tag from the URL's <int>/<string> parameters.
constexpr std::uint64_t get_parameter_tag(const char *) { return 0; }
} // namespace black_magic

template <typename T> struct RuleParameterTraits {
  using self_t = T;
  template <typename... MethodArgs> self_t &methods(MethodArgs... args_method);
  self_t &name(std::string name) noexcept;
};

class BaseRule {
public:
  BaseRule(std::string rule);
  virtual ~BaseRule();
  virtual void validate() = 0;
};

/// Default rule created when CROW_ROUTE is called.
template <typename... Args>
class TaggedRule : public BaseRule,
                   public RuleParameterTraits<TaggedRule<Args...>> {
public:
  using self_t = TaggedRule<Args...>;
  TaggedRule(std::string rule) : BaseRule(std::move(rule)) {}
  void validate() override {}
  template <typename Func> void operator()(Func &&f) { (void)f; }
  template <typename Func> void operator()(std::string name, Func &&f) {
    (void)name;
    (void)f;
  }
};

class Router {
public:
  template <std::uint64_t N> TaggedRule<> &new_rule_tagged(const std::string &rule);
};

} // namespace crow
#endif
