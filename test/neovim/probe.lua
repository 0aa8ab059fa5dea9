-- Loaded with `--cmd`, before init.lua: counts the diagnostics reports Neovim receives per
-- buffer (pushed, or pulled where the client pulls) and keeps the document version of the last
-- one, so that drive.lua can wait for them instead of sleeping.
local reports = {}
_G.osai_reports = reports

local function record(bufnr, version)
  local report = reports[bufnr] or { count = 0 }
  report.count = report.count + 1
  report.version = version
  reports[bufnr] = report
end

local push = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  local value = push(err, result, ctx, config)
  if result and result.uri then record(vim.uri_to_bufnr(result.uri), result.version) end
  return value
end

local pull = vim.lsp.handlers['textDocument/diagnostic']
if pull then
  vim.lsp.handlers['textDocument/diagnostic'] = function(err, result, ctx, config)
    local value = pull(err, result, ctx, config)
    if result and ctx and ctx.bufnr then record(ctx.bufnr, ctx.version) end
    return value
  end
end
