// A pathological TU: exponential constant evaluation (tens of millions of
// calls, with the step limit lifted by -fconstexpr-steps) keeps the front end
// busy for far longer than the test's --tu-timeout.
constexpr long fib(int N) { return N < 2 ? N : fib(N - 1) + fib(N - 2); }
static_assert(fib(36) > 0, "");
