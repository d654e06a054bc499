-- Appended after the README's Neovim 0.7 block: a user opening fly.toml presses K on
-- kill_timeout, gd on a process name, <C-x><C-o> on a new line of [http_service], and the
-- code-action key on the deprecated cmd, choosing the fix in the menu; then writes the file.
-- Results go to $OUT, one line per check.
local out = assert(io.open(os.getenv('OUT'), 'w'))
local function log(s) out:write(s .. '\n'); out:flush() end
local function keys(k, mode) vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes(k, true, false, true), mode or 'mx', false) end
local function float()
  for _, w in ipairs(vim.api.nvim_list_wins()) do
    if vim.api.nvim_win_get_config(w).relative ~= '' then return w end
  end
end
local published = 0
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(...)
  published = published + 1
  return publish(...)
end
local function line(n) return vim.api.nvim_buf_get_lines(0, n - 1, n, false)[1] end

local function code_action()
  -- The menu (vim.ui.select) answers as a user would: the item titled like the fix.
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for i, item in ipairs(items) do
      local title = opts.format_item and opts.format_item(item) or tostring(item)
      log('MENU ' .. title)
      if not chosen and title:find(os.getenv('CHOOSE'), 1, true) then chosen = i end
    end
    on_choice(chosen and items[chosen], chosen)
  end
  vim.api.nvim_win_set_cursor(0, { 4, 0 })
  keys('<leader>ca')
  vim.wait(5000, function() return line(4) ~= 'cmd = "start"' end, 50)
  log('LINE4 ' .. line(4))
  vim.cmd('write')
  vim.cmd('qa!')
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function()
  local bufnr = vim.api.nvim_get_current_buf()
  if not vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then log('TIMEOUT'); vim.cmd('cquit 2') end
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do log(string.format('DIAG %d [%s] %s', d.lnum + 1, tostring(d.source), d.message)) end
  log('OMNIFUNC ' .. vim.bo[bufnr].omnifunc)
  -- Anything the server would send twice for the open has arrived by now.
  vim.wait(1000, function() return false end, 50)
  log('PUBLISHED ' .. published)

  vim.api.nvim_win_set_cursor(0, { 1, 0 })
  keys(']d')
  log('NEXT ' .. vim.api.nvim_win_get_cursor(0)[1])
  keys('<leader>e')
  if vim.wait(5000, function() return float() ~= nil end, 50) then
    local w = float()
    for _, l in ipairs(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)) do log('FLOAT ' .. l) end
    vim.api.nvim_win_close(w, true)
  end

  vim.api.nvim_win_set_cursor(0, { 2, 2 })
  keys('K')
  if vim.wait(5000, function() return float() ~= nil end, 50) then
    local w = float()
    for _, l in ipairs(vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)) do log('HOVER ' .. l) end
    vim.api.nvim_win_close(w, true)
  end

  vim.api.nvim_win_set_cursor(0, { 11, 17 })
  keys('gd')
  vim.wait(5000, function() return vim.api.nvim_win_get_cursor(0)[1] ~= 11 end, 50)
  log('GD ' .. table.concat(vim.api.nvim_win_get_cursor(0), ':') .. ' ' .. vim.api.nvim_get_current_line())

  -- Typed, then left to the main loop: the completion arrives while insert mode waits for keys.
  vim.api.nvim_win_set_cursor(0, { 11, 0 })
  keys('o  <C-x><C-o>', 'm')
  local started = vim.loop.now()
  local function completed()
    if vim.fn.pumvisible() ~= 1 and vim.loop.now() - started < 8000 then return vim.defer_fn(completed, 50) end
    for _, item in ipairs(vim.fn.complete_info({ 'items' }).items or {}) do log('COMPLETE ' .. vim.split(item.word, '\n')[1]) end
    keys('<C-e><Esc>', 'nx')
    vim.cmd('silent undo')
    code_action()
  end
  vim.defer_fn(completed, 50)
end })
