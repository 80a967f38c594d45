// CourseKit native bridge (see coursekit.h for the conventions).
// Only libtorch API that exists in both 1.13 and 2.x is used here.
#include "coursekit.h"

#include <ATen/ATen.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/utils.h>
#include <torch/version.h>
#include <torch/csrc/autograd/autograd.h>

#include <malloc.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

namespace {

thread_local std::string last_error;

// Runs body, turning any exception into a stored message and a failure code.
template <typename F>
int guarded(F&& body) {
  try {
    body();
    return 0;
  } catch (const c10::Error& e) {
    last_error = e.what_without_backtrace();
  } catch (const std::exception& e) {
    last_error = e.what();
  } catch (...) {
    last_error = "unknown C++ exception";
  }
  return 1;
}

at::Tensor& tensor_of(void* handle) {
  TORCH_CHECK(handle != nullptr, "null tensor handle");
  return *static_cast<at::Tensor*>(handle);
}

void* new_handle(at::Tensor t) { return new at::Tensor(std::move(t)); }

// Bytes of the storage behind t (views count their whole base), or 0 when it has none.
int64_t storage_nbytes(const at::Tensor& t) {
  if (!t.defined() || !t.has_storage()) return 0;
  return static_cast<int64_t>(t.storage().nbytes());
}

// How a schema argument is built from a ck_value; decided once per operator from the
// argument's type string, which reads the same in libtorch 1.13 and 2.x.
enum class ArgKind { Tensor, Int, Float, Bool, Scalar, IntList, FloatList, BoolList, TensorList,
                     OptionalTensorList, Device, String, Other };

struct ArgSpec {
  std::string name;
  ArgKind kind;
  bool optional;
  c10::optional<c10::IValue> default_value;
};

struct CachedOp {
  c10::OperatorHandle handle;
  std::vector<ArgSpec> args;
  std::string schema_text;
};

ArgKind kind_of(const std::string& base) {
  if (base == "Tensor") return ArgKind::Tensor;
  if (base == "int" || base == "SymInt" || base == "ScalarType" || base == "Layout" ||
      base == "MemoryFormat")
    return ArgKind::Int;
  if (base == "float") return ArgKind::Float;
  if (base == "bool") return ArgKind::Bool;
  if (base == "Scalar") return ArgKind::Scalar;
  if (base == "int[]" || base == "SymInt[]") return ArgKind::IntList;
  if (base == "float[]") return ArgKind::FloatList;
  if (base == "bool[]") return ArgKind::BoolList;
  if (base == "Tensor[]") return ArgKind::TensorList;
  if (base == "Tensor?[]") return ArgKind::OptionalTensorList;
  if (base == "Device") return ArgKind::Device;
  if (base == "str") return ArgKind::String;
  return ArgKind::Other;
}

const char* kind_name(int32_t kind) {
  switch (kind) {
    case CK_NONE: return "None";
    case CK_TENSOR: return "Tensor";
    case CK_INT: return "int";
    case CK_DOUBLE: return "float";
    case CK_BOOL: return "bool";
    case CK_INTS: return "int[]";
    case CK_DOUBLES: return "float[]";
    case CK_TENSORS: return "Tensor[]";
    case CK_STRING: return "str";
    default: return "?";
  }
}

c10::IValue to_ivalue(const ArgSpec& spec, const ck_value& v) {
  if (v.kind == CK_NONE) {
    TORCH_CHECK(spec.optional, "argument '", spec.name, "' cannot be None");
    return c10::IValue();
  }
  auto mismatch = [&]() {
    return std::string("argument '") + spec.name + "' does not accept a " + kind_name(v.kind);
  };
  switch (spec.kind) {
    case ArgKind::Tensor:
      TORCH_CHECK(v.kind == CK_TENSOR, mismatch());
      return tensor_of(v.p);
    case ArgKind::Int:
      TORCH_CHECK(v.kind == CK_INT || v.kind == CK_BOOL, mismatch());
      return c10::IValue(v.i);
    case ArgKind::Float:
      if (v.kind == CK_INT) return c10::IValue(static_cast<double>(v.i));
      TORCH_CHECK(v.kind == CK_DOUBLE, mismatch());
      return c10::IValue(v.d);
    case ArgKind::Bool:
      TORCH_CHECK(v.kind == CK_BOOL || v.kind == CK_INT, mismatch());
      return c10::IValue(v.i != 0);
    case ArgKind::Scalar:
      if (v.kind == CK_INT) return c10::IValue(v.i);
      if (v.kind == CK_BOOL) return c10::IValue(v.i != 0);
      TORCH_CHECK(v.kind == CK_DOUBLE, mismatch());
      return c10::IValue(v.d);
    case ArgKind::IntList: {
      if (v.kind == CK_INT) return c10::IValue(c10::List<int64_t>({v.i}));
      TORCH_CHECK(v.kind == CK_INTS, mismatch());
      auto p = static_cast<const int64_t*>(v.p);
      return c10::IValue(c10::List<int64_t>(std::vector<int64_t>(p, p + v.count)));
    }
    case ArgKind::FloatList: {
      TORCH_CHECK(v.kind == CK_DOUBLES, mismatch());
      auto p = static_cast<const double*>(v.p);
      return c10::IValue(c10::List<double>(std::vector<double>(p, p + v.count)));
    }
    case ArgKind::BoolList: {
      TORCH_CHECK(v.kind == CK_INTS, mismatch());
      auto p = static_cast<const int64_t*>(v.p);
      c10::List<bool> list;
      for (int32_t k = 0; k < v.count; ++k) list.push_back(p[k] != 0);
      return c10::IValue(list);
    }
    case ArgKind::TensorList: {
      TORCH_CHECK(v.kind == CK_TENSORS, mismatch());
      auto p = static_cast<void* const*>(v.p);
      c10::List<at::Tensor> list;
      for (int32_t k = 0; k < v.count; ++k) list.push_back(tensor_of(p[k]));
      return c10::IValue(list);
    }
    case ArgKind::OptionalTensorList: {
      TORCH_CHECK(v.kind == CK_TENSORS, mismatch());
      auto p = static_cast<void* const*>(v.p);
      c10::List<c10::optional<at::Tensor>> list;
      for (int32_t k = 0; k < v.count; ++k)
        list.push_back(p[k] ? c10::optional<at::Tensor>(tensor_of(p[k])) : c10::nullopt);
      return c10::IValue(list);
    }
    case ArgKind::Device:
      TORCH_CHECK(v.kind == CK_STRING, mismatch());
      return c10::IValue(c10::Device(std::string(static_cast<const char*>(v.p))));
    case ArgKind::String:
      TORCH_CHECK(v.kind == CK_STRING, mismatch());
      return c10::IValue(std::string(static_cast<const char*>(v.p)));
    case ArgKind::Other:
      break;
  }
  TORCH_CHECK(false, "argument '", spec.name, "' has a type the bridge cannot build");
}

// Converts one returned IValue into a ck_value (tensors become new handles).
ck_value from_ivalue(const c10::IValue& r) {
  ck_value v{};
  if (r.isNone()) {
    v.kind = CK_NONE;
  } else if (r.isTensor()) {
    const auto& t = r.toTensor();
    if (t.defined()) {
      v.kind = CK_TENSOR;
      v.i = storage_nbytes(t);
      v.p = new_handle(t);
    }
  } else if (r.isTensorList()) {
    auto list = r.toTensorList();
    auto handles = static_cast<void**>(std::malloc(sizeof(void*) * std::max<size_t>(list.size(), 1)));
    for (size_t k = 0; k < list.size(); ++k) handles[k] = new_handle(list.get(k));
    v.kind = CK_TENSORS;
    v.count = static_cast<int32_t>(list.size());
    v.p = handles;
  } else if (r.isInt()) {
    v.kind = CK_INT;
    v.i = r.toInt();
  } else if (r.isDouble()) {
    v.kind = CK_DOUBLE;
    v.d = r.toDouble();
  } else if (r.isBool()) {
    v.kind = CK_BOOL;
    v.i = r.toBool() ? 1 : 0;
  } else {
    TORCH_CHECK(false, "the bridge cannot return a value of type ", r.tagKind());
  }
  return v;
}

}  // namespace

extern "C" {

const char* ck_last_error(void) { return last_error.c_str(); }

void ck_free(void* p) { std::free(p); }

const char* ck_torch_version(void) { return TORCH_VERSION; }

int ck_tensor_from_data(const void* data, int32_t dtype, const int64_t* shape, int32_t ndim,
                        int32_t device_type, int32_t device_index, void** out) {
  return guarded([&] {
    auto options = at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype));
    at::Tensor t = at::empty(at::IntArrayRef(shape, ndim), options);
    if (t.numel() > 0) std::memcpy(t.data_ptr(), data, t.numel() * t.element_size());
    auto device = c10::Device(static_cast<c10::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index));
    if (!device.is_cpu()) t = t.to(device);
    *out = new_handle(std::move(t));
  });
}

int ck_tensor_copy_to(void* handle, void* dst, int64_t nbytes) {
  return guarded([&] {
    at::Tensor t = tensor_of(handle).detach().to(at::kCPU).contiguous();
    int64_t have = t.numel() * static_cast<int64_t>(t.element_size());
    TORCH_CHECK(have == nbytes, "copy_to: tensor holds ", have, " bytes, destination has ", nbytes);
    if (have > 0) std::memcpy(dst, t.data_ptr(), have);
  });
}

int ck_tensor_meta(void* handle, int32_t* dtype, int32_t* ndim, int64_t* shape, int32_t max_ndim,
                   int32_t* device_type, int32_t* device_index, int32_t* requires_grad) {
  return guarded([&] {
    const at::Tensor& t = tensor_of(handle);
    TORCH_CHECK(t.defined(), "the tensor is undefined");
    *dtype = static_cast<int32_t>(t.scalar_type());
    *ndim = static_cast<int32_t>(t.dim());
    TORCH_CHECK(t.dim() <= max_ndim, "tensor has ", t.dim(), " dimensions, more than ", max_ndim);
    for (int64_t k = 0; k < t.dim(); ++k) shape[k] = t.size(k);
    *device_type = static_cast<int32_t>(t.device().type());
    *device_index = static_cast<int32_t>(t.device().index());
    *requires_grad = t.requires_grad() ? 1 : 0;
  });
}

void ck_tensor_free(void* handle) { delete static_cast<at::Tensor*>(handle); }

int64_t ck_tensor_nbytes(void* handle) {
  return handle ? storage_nbytes(*static_cast<at::Tensor*>(handle)) : 0;
}

int ck_tensor_grad(void* handle, void** out) {
  return guarded([&] {
    const at::Tensor& g = tensor_of(handle).grad();
    *out = g.defined() ? new_handle(g) : nullptr;
  });
}

int ck_tensor_set_grad(void* handle, void* grad) {
  return guarded([&] {
    tensor_of(handle).mutable_grad() = grad ? tensor_of(grad) : at::Tensor();
  });
}

int ck_tensor_is_leaf(void* handle, int32_t* out) {
  return guarded([&] { *out = tensor_of(handle).is_leaf() ? 1 : 0; });
}

int ck_tensor_backward(void* handle, void* grad, int32_t retain_graph, int32_t create_graph) {
  return guarded([&] {
    const at::Tensor& t = tensor_of(handle);
    at::Tensor g = grad ? tensor_of(grad) : at::Tensor();
    t.backward(g, retain_graph != 0, create_graph != 0);
  });
}

int ck_autograd_grad(void* const* outputs, void* const* grad_outputs, int32_t n_outputs,
                     void* const* inputs, int32_t n_inputs, int32_t retain_graph,
                     int32_t create_graph, int32_t allow_unused, void** out) {
  return guarded([&] {
    TORCH_CHECK(n_outputs > 0 && n_inputs > 0, "autograd.grad needs at least one output and one input");
    std::vector<at::Tensor> outs, grads, ins;
    for (int32_t k = 0; k < n_outputs; ++k) {
      outs.push_back(tensor_of(outputs[k]));
      grads.push_back(grad_outputs && grad_outputs[k] ? tensor_of(grad_outputs[k]) : at::Tensor());
    }
    for (int32_t k = 0; k < n_inputs; ++k) ins.push_back(tensor_of(inputs[k]));
    c10::optional<bool> retain;
    if (retain_graph >= 0) retain = retain_graph != 0;
    auto result = torch::autograd::grad(outs, ins, grads, retain, create_graph != 0, allow_unused != 0);
    for (int32_t k = 0; k < n_inputs; ++k) out[k] = result[k].defined() ? new_handle(result[k]) : nullptr;
  });
}

int ck_op_find(const char* name, const char* overload, void** out) {
  return guarded([&] {
    auto handle = c10::Dispatcher::singleton().findSchemaOrThrow(name, overload ? overload : "");
    auto op = new CachedOp{handle, {}, ""};
    std::ostringstream text;
    text << handle.schema();
    op->schema_text = text.str();
    for (const auto& a : handle.schema().arguments()) {
      std::string type = a.type()->str();
      bool optional = !type.empty() && type.back() == '?';
      if (optional) type.pop_back();
      op->args.push_back(ArgSpec{a.name(), kind_of(type), optional, a.default_value()});
    }
    *out = op;
  });
}

const char* ck_op_schema(void* op) { return static_cast<CachedOp*>(op)->schema_text.c_str(); }

int ck_op_call(void* op_handle, const ck_value* args, int32_t nargs, int32_t grad_enabled,
               ck_value* outs, int32_t max_outs, int32_t* nouts) {
  return guarded([&] {
    const auto& op = *static_cast<CachedOp*>(op_handle);
    const size_t n = op.args.size();
    std::vector<c10::optional<c10::IValue>> slots(n);
    size_t position = 0;
    for (int32_t k = 0; k < nargs; ++k) {
      const ck_value& v = args[k];
      size_t index = position;
      if (v.name) {
        index = n;
        for (size_t j = 0; j < n; ++j)
          if (op.args[j].name == v.name) index = j;
        TORCH_CHECK(index < n, "no argument named '", v.name, "'");
      } else {
        ++position;
      }
      TORCH_CHECK(index < n, "too many arguments: the operator takes ", n);
      TORCH_CHECK(!slots[index], "argument '", op.args[index].name, "' given twice");
      slots[index] = to_ivalue(op.args[index], v);
    }
    torch::jit::Stack stack;
    stack.reserve(n);
    for (size_t j = 0; j < n; ++j) {
      if (slots[j]) {
        stack.push_back(std::move(*slots[j]));
      } else {
        TORCH_CHECK(op.args[j].default_value.has_value(), "missing argument '", op.args[j].name, "'");
        stack.push_back(*op.args[j].default_value);
      }
    }
    {
      at::AutoGradMode mode(grad_enabled != 0);
      op.handle.callBoxed(stack);
    }
    TORCH_CHECK(static_cast<int32_t>(stack.size()) <= max_outs, "operator returned ", stack.size(),
                " values, more than ", max_outs);
    *nouts = static_cast<int32_t>(stack.size());
    for (size_t j = 0; j < stack.size(); ++j) outs[j] = from_ivalue(stack[j]);
  });
}

int ck_set_malloc_thresholds(int64_t mmap_threshold, int64_t trim_threshold) {
  return guarded([&] {
    TORCH_CHECK(mmap_threshold > 0 && mmap_threshold <= INT32_MAX && trim_threshold > 0 && trim_threshold <= INT32_MAX,
                "malloc thresholds must be in (0, 2^31), got ", mmap_threshold, " and ", trim_threshold);
    TORCH_CHECK(mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold)) == 1, "mallopt(M_MMAP_THRESHOLD) failed");
    TORCH_CHECK(mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold)) == 1, "mallopt(M_TRIM_THRESHOLD) failed");
  });
}

int ck_manual_seed(uint64_t seed) {
  return guarded([&] { torch::manual_seed(seed); });
}

int ck_set_num_threads(int32_t n) {
  return guarded([&] {
    TORCH_CHECK(n > 0, "thread count must be positive, got ", n);
    at::set_num_threads(n);
  });
}

int32_t ck_get_num_threads(void) { return at::get_num_threads(); }

int32_t ck_cuda_is_available(void) { return torch::cuda::is_available() ? 1 : 0; }

int32_t ck_cuda_compiled(void) {
#ifdef COURSEKIT_WITH_CUDA
  return 1;
#else
  return 0;
#endif
}

int32_t ck_cuda_device_count(void) { return static_cast<int32_t>(torch::cuda::device_count()); }

int ck_cuda_synchronize(int32_t device_index) {
  return guarded([&] { torch::cuda::synchronize(device_index); });
}

}  // extern "C"
