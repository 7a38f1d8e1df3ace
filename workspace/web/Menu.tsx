/**
 * The menu bar: Google's inert top-level menus for the look, and «Расширения» with the add-on's
 * menu(s) from onOpen (items, submenus, separators). Submenus open on hover or click.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { MenuNode, MenuView } from '../server/protocol';

const INERT = ['Файл', 'Правка', 'Вид', 'Вставка', 'Формат', 'Данные', 'Инструменты'];

export interface MenuBarProps {
  menus: MenuView[];
  onRun(fn: string, caption: string): void;
}

export function MenuBar({ menus, onRun }: MenuBarProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState<string[]>([]);
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    setPath([]);
  };
  const openAt = (depth: number, key: string) => setPath((p) => [...p.slice(0, depth), key]);
  const run = (fn: string, caption: string) => {
    close();
    onRun(fn, caption);
  };

  // The add-on menus are the first level under «Расширения».
  const top: MenuNode[] = menus.map((m) => ({ kind: 'submenu', caption: m.caption, items: m.items }));

  return (
    <nav class="menubar" ref={ref} data-testid="menubar">
      {INERT.map((caption) => (
        <span key={caption} class="menubar-item inert" title="В эмуляторе это меню не нужно">
          {caption}
        </span>
      ))}
      <span class="menubar-anchor">
        <button
          type="button"
          class={`menubar-item${open ? ' open' : ''}`}
          data-testid="menu-extensions"
          aria-haspopup="menu"
          aria-expanded={open}
          onClick={() => (open ? close() : setOpen(true))}
        >
          Расширения
        </button>
        {open ? (
          top.length > 0 ? (
            <MenuList items={top} depth={0} path={path} openAt={openAt} run={run} />
          ) : (
            <ul class="menu-list" role="menu">
              <li class="menu-item disabled">Дополнение пока не добавило меню</li>
            </ul>
          )
        ) : null}
      </span>
      <span class="menubar-item inert" title="В эмуляторе это меню не нужно">
        Справка
      </span>
    </nav>
  );
}

interface MenuListProps {
  items: MenuNode[];
  depth: number;
  path: string[];
  openAt(depth: number, key: string): void;
  run(fn: string, caption: string): void;
}

function MenuList({ items, depth, path, openAt, run }: MenuListProps): JSX.Element {
  return (
    <ul
      class={`menu-list${depth > 0 ? ' sub' : ''}`}
      role="menu"
      data-testid={depth === 0 ? 'menu-list' : 'submenu-list'}
    >
      {items.map((node, i) => {
        if (node.kind === 'separator') return <li key={i} class="menu-sep" role="separator" />;
        if (node.kind === 'item') {
          return (
            <li
              key={i}
              class="menu-item"
              role="menuitem"
              data-testid="menu-item"
              data-fn={node.fn}
              onMouseEnter={() => openAt(depth, '')}
              onClick={(e) => {
                e.stopPropagation();
                run(node.fn, node.caption);
              }}
            >
              {node.caption}
            </li>
          );
        }
        const key = `${i}:${node.caption}`;
        const isOpen = path[depth] === key;
        return (
          <li
            key={i}
            class={`menu-item has-sub${isOpen ? ' open' : ''}`}
            role="menuitem"
            aria-haspopup="menu"
            data-testid="menu-submenu"
            onMouseEnter={() => openAt(depth, key)}
            onClick={(e) => {
              e.stopPropagation();
              openAt(depth, key);
            }}
          >
            <span class="menu-caption">{node.caption}</span>
            <span class="menu-arrow" aria-hidden="true">
              ▸
            </span>
            {isOpen ? <MenuList items={node.items} depth={depth + 1} path={path} openAt={openAt} run={run} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
